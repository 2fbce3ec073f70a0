using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Utilities;
using GraphQL.Validation;
using GraphQLParser.AST;
using NetExecutionResult = GraphQL.ExecutionResult;
using NetSchema = GraphQL.Types.Schema;

namespace CommerceGateway.Benchmarks.GraphQL.Micro;

/// <summary>
/// The checkout query through GraphQL.NET's <see cref="DocumentExecuter"/>, with its result written
/// by GraphQL.SystemTextJson's converters, either from the query text (parse + validate + execute) or
/// from a document parsed and validated once. The second is what GraphQL.NET's own document cache
/// (GraphQL.MemoryCache, not in this registry) does on a hit: it hands the executer the cached document
/// with <see cref="ExecutionOptions.CachedDocumentValidationRules"/>, empty by default, as the rules.
/// </summary>
internal sealed class GraphQLNetEngine
{
    private static readonly IValidationRule[] NoRules = [];

    private readonly NetSchema _schema = GraphQLNetCheckoutSchema.Create();
    private readonly DocumentExecuter _executer = new();
    private readonly WriterSerializer _serializer = new();
    private readonly Inputs _variables = new Inputs(CheckoutQuery.Variables.ToDictionary());
    private readonly GraphQLDocument _prepared = new GraphQLDocumentBuilder().Build(CheckoutQuery.Text);

    public GraphQLNetEngine()
    {
        _schema.Initialize();
    }

    /// <summary>Parses, validates and executes the query text, then writes the response JSON.</summary>
    public Task<int> ExecuteAndWriteAsync(ArrayBufferWriter<byte> buffer) => RunAsync(buffer, prepared: false);

    /// <summary>Executes the prepared document without validating it again, then writes the response JSON.</summary>
    public Task<int> ExecutePreparedAndWriteAsync(ArrayBufferWriter<byte> buffer) => RunAsync(buffer, prepared: true);

    /// <summary>
    /// Validates the prepared document once, with the standard rules, as the cache would before keeping it.
    /// </summary>
    public async Task ValidatePreparedAsync()
    {
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Document = _prepared,
            OperationName = CheckoutQuery.OperationName,
            Variables = _variables,
        });
        if (!result.Executed || result.Errors is { Count: > 0 })
        {
            throw new InvalidOperationException("GraphQL.NET refused the checkout query: " + string.Join("; ", result.Errors?.Select(e => e.Message) ?? []));
        }
    }

    /// <summary>
    /// The schema in GraphQL.NET's own printing, sorted, to compare with a GraphQL.NET schema built from our SDL.
    /// </summary>
    public string PrintSchema() => Print(_schema);

    /// <summary><paramref name="sdl"/> built schema-first by GraphQL.NET and printed the same way.</summary>
    public static string PrintSchema(string sdl) => Print(NetSchema.For(sdl));

    private static string Print(NetSchema schema) =>
        schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal, IncludeDescriptions = false });

    private async Task<int> RunAsync(ArrayBufferWriter<byte> buffer, bool prepared)
    {
        // A new options object per request, as a server builds one; the executer writes to it.
        var options = new ExecutionOptions
        {
            Schema = _schema,
            Query = CheckoutQuery.Text,
            OperationName = CheckoutQuery.OperationName,
            Variables = _variables,
        };
        if (prepared)
        {
            options.Document = _prepared;
            options.ValidationRules = options.CachedDocumentValidationRules ?? NoRules;
        }

        NetExecutionResult result = await _executer.ExecuteAsync(options);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _serializer.Write(writer, result);
        }

        return buffer.WrittenCount;
    }

    /// <summary>GraphQL.SystemTextJson's serializer, writing to a <see cref="Utf8JsonWriter"/> over the buffer ours writes to.</summary>
    private sealed class WriterSerializer : GraphQLSerializer
    {
        public void Write(Utf8JsonWriter writer, NetExecutionResult result) => JsonSerializer.Serialize(writer, result, SerializerOptions);
    }
}
