using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.Benchmarks.GraphQL.Micro;

/// <summary>
/// The engine without HTTP: one checkout query through <see cref="GraphQLExecutor.ExecuteAsync"/>
/// with the document cache disabled (parse + validate + execute every time) and warm (cache hit,
/// then execute), with and without the response written as JSON, as the HTTP endpoint does; and the
/// same query on the same data through GraphQL.NET (<see cref="GraphQLNetEngine"/>), from the text
/// and from a prepared document, always written as JSON. The setup checks that every case that writes
/// JSON writes the same bytes, and that both schemas print the same, before anything is timed.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet only runs public benchmark classes.")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet only runs instance benchmark methods.")]
public class CheckoutQueryBenchmarks
{
    private readonly GraphQLRequest _request = new()
    {
        Query = CheckoutQuery.Text,
        OperationName = CheckoutQuery.OperationName,
        Variables = CheckoutQuery.Variables,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private GraphQLExecutor _uncached = null!;
    private GraphQLExecutor _cached = null!;
    private GraphQLNetEngine _graphQLNet = null!;

    /// <summary>The response every JSON-writing case wrote in the setup's check.</summary>
    public byte[] CheckedResponse { get; private set; } = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var schema = CheckoutSchema.Create();
        _uncached = new GraphQLExecutor(schema, new GraphQLOptions { DocumentCacheSize = 0 });
        _cached = new GraphQLExecutor(schema);
        _graphQLNet = new GraphQLNetEngine();
        foreach (var executor in new[] { _uncached, _cached })
        {
            var result = await executor.ExecuteAsync(_request);
            if (result.Errors.Count > 0 || result.Data is null)
            {
                throw new InvalidOperationException("The checkout query failed: " + result.ToJson());
            }
        }

        await _graphQLNet.ValidatePreparedAsync();
        CheckSameSchema(schema);
        CheckedResponse = await CheckSameResponsesAsync();
    }

    [Benchmark(Description = "ours, uncached: parse + validate + execute")]
    public Task<ExecutionResult> Uncached() => _uncached.ExecuteAsync(_request);

    [Benchmark(Baseline = true, Description = "ours, cached: cache hit + execute")]
    public Task<ExecutionResult> Cached() => _cached.ExecuteAsync(_request);

    [Benchmark(Description = "ours, uncached + response JSON written")]
    public async Task<int> UncachedAndWritten() => Write(await _uncached.ExecuteAsync(_request));

    [Benchmark(Description = "ours, cached + response JSON written")]
    public async Task<int> CachedAndWritten() => Write(await _cached.ExecuteAsync(_request));

    [Benchmark(Description = "GraphQL.NET, from the text + response JSON written")]
    public Task<int> GraphQLNetAndWritten() => _graphQLNet.ExecuteAndWriteAsync(_buffer);

    [Benchmark(Description = "GraphQL.NET, prepared document + response JSON written")]
    public Task<int> GraphQLNetPreparedAndWritten() => _graphQLNet.ExecutePreparedAndWriteAsync(_buffer);

    private int Write(ExecutionResult result)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            result.WriteTo(writer);
        }

        return _buffer.WrittenCount;
    }

    private void CheckSameSchema(Schema schema)
    {
        // Both printed by GraphQL.NET's printer, sorted, so only a difference in types, fields or arguments shows.
        var ours = GraphQLNetEngine.PrintSchema(schema.ToSdl());
        var theirs = _graphQLNet.PrintSchema();
        if (ours != theirs)
        {
            throw new InvalidOperationException($"The GraphQL.NET schema differs from ours.\nours:\n{ours}\nGraphQL.NET:\n{theirs}");
        }
    }

    private async Task<byte[]> CheckSameResponsesAsync()
    {
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("ours, uncached", UncachedAndWritten),
            ("ours, cached", CachedAndWritten),
            ("GraphQL.NET, from the text", GraphQLNetAndWritten),
            ("GraphQL.NET, prepared document", GraphQLNetPreparedAndWritten),
        };
        byte[]? expected = null;
        foreach (var (name, run) in cases)
        {
            await run();
            var actual = _buffer.WrittenSpan.ToArray();
            expected ??= actual;
            if (!actual.AsSpan().SequenceEqual(expected))
            {
                throw new InvalidOperationException(
                    $"{name} writes a different response.\nexpected: {Encoding.UTF8.GetString(expected)}\nactual:   {Encoding.UTF8.GetString(actual)}");
            }
        }

        // Errors would be written before data, so this prefix also means the query ran without any.
        return Encoding.UTF8.GetString(expected!).StartsWith("{\"data\":{\"cart\":{\"id\":\"cart-42\"", StringComparison.Ordinal)
            ? expected!
            : throw new InvalidOperationException("The checkout query did not succeed: " + Encoding.UTF8.GetString(expected!));
    }
}
