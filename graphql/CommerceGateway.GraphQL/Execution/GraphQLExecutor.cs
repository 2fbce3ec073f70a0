using System.Diagnostics;
using CommerceGateway.GraphQL.Diagnostics;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Protection;
using CommerceGateway.GraphQL.Types;
using CommerceGateway.GraphQL.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// Runs requests against a schema: persisted-query lookup, limits, parse and validate (cached by
/// document text), variable coercion, then execution. Thread-safe; create one per schema.
/// </summary>
public sealed partial class GraphQLExecutor
{
    private readonly BoundedCache<PreparedDocument> _documents;
    private readonly PersistedQueryStore _persisted;
    private readonly FieldErrorReporter _errorReporter;
    private readonly ILogger _logger;
    private LastDocument? _lastDocument;

    /// <summary>Creates an executor for <paramref name="schema"/>.</summary>
    public GraphQLExecutor(Schema schema, GraphQLOptions? options = null, ILogger<GraphQLExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? new GraphQLOptions();
        Options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _documents = new BoundedCache<PreparedDocument>(Options.DocumentCacheSize);
        _persisted = new PersistedQueryStore(Options.PersistedQueries);
        _errorReporter = new FieldErrorReporter(_logger, Options.ExposeExceptionDetails);
    }

    /// <summary>The schema requests run against.</summary>
    public Schema Schema { get; }

    /// <summary>The options in force.</summary>
    public GraphQLOptions Options { get; }

    /// <summary>How many parsed documents are cached now.</summary>
    public int CachedDocumentCount => _documents.Count;

    /// <summary>Runs one request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="services">Services resolvers may use; an empty provider when null.</param>
    /// <param name="cancellationToken">Reaches every resolver.</param>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var prepared = Prepare(request);
        ExecutionResult? result = null;
        try
        {
            result = prepared.Error ?? await ExecutePreparedAsync(request, prepared, services, cancellationToken);
            return result;
        }
        finally
        {
            GraphQLMetrics.Record(prepared.Operation?.Operation, result, started);
        }
    }

    private async Task<ExecutionResult> ExecutePreparedAsync(GraphQLRequest request, Prepared prepared, IServiceProvider? services, CancellationToken cancellationToken)
    {
        var document = prepared.Document!;
        var operation = prepared.Operation!;
        var errors = new List<GraphQLError>();
        var variables = VariableValues.Coerce(Schema, operation, request.Variables, errors, document.VariableTypes(Schema, operation));
        if (errors.Count > 0)
        {
            return ExecutionResult.Failed(errors);
        }

        if (!document.TryGetLimitVerdict(operation, out var limitError))
        {
            limitError = OperationAnalyzer.Check(Schema, Options.Limits, document.Fragments, operation, variables, out var readVariables);
            if (!readVariables)
            {
                document.SetLimitVerdict(operation, limitError);
            }
        }

        if (limitError is not null)
        {
            return ExecutionResult.Failed(limitError);
        }

        var plan = document.PlanFor(operation, variables);
        var execution = new RequestExecution(Schema, plan, operation, variables, _errorReporter, services ?? EmptyServices.Instance, cancellationToken);
        return await Executor.ExecuteAsync(execution);
    }

    private Prepared Prepare(GraphQLRequest request)
    {
        var (query, _, persistedError) = ResolveQuery(request);
        if (persistedError is not null)
        {
            return new Prepared(persistedError);
        }

        if (query.Length > Options.Limits.MaxDocumentLength)
        {
            return new Prepared(ExecutionResult.Failed(GraphQLError.WithCode(
                $"The document is {query.Length} characters long; the limit is {Options.Limits.MaxDocumentLength}.", ErrorCodes.DocumentTooLarge)));
        }

        // Keyed by the text itself: hashing a dictionary key is far cheaper than SHA-256, and equal texts
        // are equal documents. The endpoint hands a repeated query over as the same string instance, so
        // the last document is checked by reference first, without hashing the text at all.
        var last = _lastDocument;
        PreparedDocument? cached;
        if (last is not null && ReferenceEquals(last.Text, query))
        {
            cached = last.Document;
        }
        else
        {
            if (!_documents.TryGet(query, out cached))
            {
                cached = Compile(query);
                _documents.Set(query, cached!);
            }

            if (Options.DocumentCacheSize > 0)
            {
                _lastDocument = new LastDocument(query, cached!);
            }
        }

        if (cached!.Errors.Count > 0)
        {
            return new Prepared(ExecutionResult.Failed(cached.Errors));
        }

        var operation = SelectOperation(cached.Document!, request.OperationName, out var selectionError);
        if (selectionError is not null)
        {
            return new Prepared(ExecutionResult.Failed(selectionError));
        }

        if (request.QueriesOnly && operation!.Operation != OperationType.Query)
        {
            return new Prepared(new ExecutionResult(false, null, [GraphQLError.WithCode(
                $"Can only perform a {operation.Operation.ToString().ToLowerInvariant()} operation from a POST request.", ErrorCodes.BadRequest, LocationOf(operation))])
            { OnlyAllowedWithPost = true });
        }

        if (operation!.Operation == OperationType.Subscription)
        {
            return new Prepared(ExecutionResult.Failed(GraphQLError.WithCode(
                "Subscriptions are not supported by this server; use a query or a mutation.", ErrorCodes.OperationNotSupported, LocationOf(operation))));
        }

        if (operation.Operation == OperationType.Mutation && Schema.Mutation is null)
        {
            return new Prepared(ExecutionResult.Failed(GraphQLError.WithCode(
                "Schema is not configured to execute mutation operation.", ErrorCodes.OperationNotSupported, LocationOf(operation))));
        }

        return new Prepared(cached, operation);
    }

    private static List<ErrorLocation> LocationOf(OperationDefinitionNode operation) => [new(operation.Location.Line, operation.Location.Column)];

    private PreparedDocument Compile(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, Options.Limits.MaxTokens);
        }
        catch (GraphQLSyntaxException e)
        {
            var code = e.Message.Contains("tokens. Parsing aborted", StringComparison.Ordinal) ? ErrorCodes.TooManyTokens : ErrorCodes.ParseFailed;
            return new PreparedDocument(null, [GraphQLError.WithCode(e.Message, code, [new ErrorLocation(e.Line, e.Column)])]);
        }

        var errors = DocumentValidator.Validate(Schema, document, Options.EnableIntrospection);
        return new PreparedDocument(errors.Count == 0 ? document : null, errors);
    }

    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        error = null;
        OperationDefinitionNode? selected = null;
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            if (operationName is null)
            {
                if (selected is not null)
                {
                    error = GraphQLError.WithCode("Must provide operation name if query contains multiple operations.", ErrorCodes.BadRequest);
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name == operationName)
            {
                return operation;
            }
        }

        if (selected is null)
        {
            error = GraphQLError.WithCode(operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".", ErrorCodes.BadRequest);
        }

        return selected;
    }

    private sealed record LastDocument(string Text, PreparedDocument Document);

    private readonly record struct Prepared(ExecutionResult? Error, PreparedDocument? Document = null, OperationDefinitionNode? Operation = null)
    {
        public Prepared(PreparedDocument document, OperationDefinitionNode operation)
            : this(null, document, operation)
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
