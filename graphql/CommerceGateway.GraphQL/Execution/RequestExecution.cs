using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The state of one operation's execution. Resolver continuations may run in parallel, so shared state is locked.</summary>
internal sealed class RequestExecution(
    Schema schema,
    ExecutionPlan plan,
    OperationDefinitionNode operation,
    IReadOnlyDictionary<string, object?> variables,
    FieldErrorReporter errorReporter,
    IServiceProvider services,
    CancellationToken cancellationToken)
{
    private readonly List<GraphQLError> _errors = [];
    private IDictionary<string, object?>? _items;

    public Schema Schema { get; } = schema;

    /// <summary>The cached field sets and per-field caches this request shares with others.</summary>
    public ExecutionPlan Plan { get; } = plan;

    public OperationDefinitionNode Operation { get; } = operation;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public FieldErrorReporter ErrorReporter { get; } = errorReporter;

    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Created when a resolver first asks: most requests never use it.</summary>
    public IDictionary<string, object?> Items =>
        Volatile.Read(ref _items)
        ?? Interlocked.CompareExchange(ref _items, new System.Collections.Concurrent.ConcurrentDictionary<string, object?>(StringComparer.Ordinal), null)
        ?? _items!;

    public object? RootValue { get; init; }

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.Count == 0 ? [] : _errors.ToList();
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
