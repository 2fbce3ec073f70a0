using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The state of one operation's execution. Resolver continuations may run in parallel, so shared state is locked.</summary>
internal sealed class RequestExecution
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<(ObjectGraphType, object), CollectedFields> _fieldCache = [];
    private readonly Dictionary<FieldNode, IReadOnlyDictionary<string, object?>> _argumentCache = new(ReferenceEqualityComparer.Instance);

    public RequestExecution(
        Schema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        FieldErrorReporter errorReporter,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Variables = variables;
        ErrorReporter = errorReporter;
        Services = services;
        CancellationToken = cancellationToken;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                Fragments.TryAdd(fragment.Name, fragment);
            }
        }
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public FieldErrorReporter ErrorReporter { get; }

    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    public IDictionary<string, object?> Items { get; } = new System.Collections.Concurrent.ConcurrentDictionary<string, object?>(StringComparer.Ordinal);

    public object? RootValue { get; init; }

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
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

    public CollectedFields FieldsFor(ObjectGraphType type, object key, Func<CollectedFields> collect)
    {
        lock (_fieldCache)
        {
            if (_fieldCache.TryGetValue((type, key), out var cached))
            {
                return cached;
            }
        }

        var fields = collect();
        lock (_fieldCache)
        {
            _fieldCache[(type, key)] = fields;
        }

        return fields;
    }

    public IReadOnlyDictionary<string, object?> ArgumentsFor(FieldDefinition field, FieldNode node)
    {
        if (field.Arguments.Count == 0)
        {
            return EmptyArguments;
        }

        lock (_argumentCache)
        {
            if (_argumentCache.TryGetValue(node, out var cached))
            {
                return cached;
            }
        }

        var arguments = ArgumentValues.Coerce(field.Arguments, node.Arguments, Variables, node.Location);
        lock (_argumentCache)
        {
            _argumentCache[node] = arguments;
        }

        return arguments;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyArguments = new Dictionary<string, object?>();
}
