using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// One response key of a <see cref="CollectedFields"/> and what executing it needs that does not
/// change between requests sharing the plan: the field definition, the arguments when they are all
/// literals, the sub-selection per runtime type and the default resolver's getter. Each cache is
/// filled on first use and published as one reference, so concurrent requests see either nothing
/// (and compute the same value) or a complete entry.
/// </summary>
internal sealed class CollectedField(string key, FieldNode first)
{
    private FieldDefinition? _definition;
    private IReadOnlyDictionary<string, object?>? _literalArguments;
    private int _argumentsAreLiteral;
    private ChildEntry? _child;
    private Dictionary<ObjectGraphType, CollectedFields>? _children;
    private GetterEntry? _getter;
    private int _needsPath;
    private int _plainLeaf;
    private NamedType? _leafType;

    public string Key { get; } = key;

    public List<FieldNode> Nodes { get; } = [first];

    /// <summary>
    /// The scalar or enum type when the field is a leaf without arguments resolved by the default
    /// resolver (most fields), which <see cref="Executor"/> completes on a shorter path; null otherwise.
    /// </summary>
    public NamedType? PlainLeaf(FieldDefinition field)
    {
        if (_plainLeaf == 0)
        {
            var named = (field.Type is NonNullType nonNull ? nonNull.OfType : field.Type) as NamedType;
            var plain = field.Resolver is null && field.Arguments.Count == 0 && named is ScalarGraphType or EnumGraphType
                && !ReferenceEquals(field, MetaFields.TypeName);
            _leafType = plain ? named : null;
            _plainLeaf = plain ? 1 : 2;
        }

        return _leafType;
    }

    /// <summary>Whether executing the field reads its response path: a resolver sees it, lists and objects extend it.</summary>
    public bool NeedsPath(FieldDefinition field)
    {
        if (_needsPath == 0)
        {
            _needsPath = field.Resolver is not null || !Executor.IsLeaf(field.Type) ? 1 : 2;
        }

        return _needsPath == 1;
    }

    public FieldDefinition DefinitionFor(Schema schema, ObjectGraphType parentType) =>
        _definition ??= Executor.FieldDefinitionFor(schema, parentType, Nodes[0].Name);

    /// <summary>Coerced arguments: once per plan when every argument is a literal, otherwise per call (they read variables).</summary>
    public IReadOnlyDictionary<string, object?> ArgumentsFor(FieldDefinition field, IReadOnlyDictionary<string, object?> variables)
    {
        if (field.Arguments.Count == 0)
        {
            return EmptyArguments;
        }

        if (_literalArguments is { } cached)
        {
            return cached;
        }

        var node = Nodes[0];
        var arguments = ArgumentValues.Coerce(field.Arguments, node.Arguments, variables, node.Location);
        if (_argumentsAreLiteral == 0)
        {
            _argumentsAreLiteral = node.Arguments.Any(a => ReferencesVariable(a.Value)) ? 2 : 1;
        }

        if (_argumentsAreLiteral == 1)
        {
            _literalArguments = arguments;
        }

        return arguments;
    }

    public CollectedFields? CachedChild(ObjectGraphType type)
    {
        if (_child is { } child && ReferenceEquals(child.Type, type))
        {
            return child.Fields;
        }

        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return null;
        }

        lock (children)
        {
            return children.GetValueOrDefault(type);
        }
    }

    public void CacheChild(ObjectGraphType type, CollectedFields fields)
    {
        if (_child is null)
        {
            _child = new ChildEntry(type, fields);
            return;
        }

        // Abstract types: more than one runtime type under the same field.
        var children = Volatile.Read(ref _children) ?? Interlocked.CompareExchange(ref _children, [], null) ?? _children!;
        lock (children)
        {
            children[type] = fields;
        }
    }

    public object? ResolveByDefault(object? source, string fieldName)
    {
        // The usual case first: the same CLR type as last time (never a dictionary, those are not cached).
        var getter = _getter;
        if (getter is not null && source is not null && getter.Type == source.GetType())
        {
            return getter.Getter?.Invoke(source);
        }

        if (source is null or IReadOnlyDictionary<string, object?> or IDictionary<string, object?>)
        {
            return DefaultResolver.Resolve(source, fieldName);
        }

        var type = source.GetType();
        getter = new GetterEntry(type, DefaultResolver.GetterFor(type, fieldName));
        _getter = getter;
        return getter.Getter?.Invoke(source);
    }

    private static bool ReferencesVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ReferencesVariable),
        ObjectValueNode map => map.Fields.Any(f => ReferencesVariable(f.Value)),
        _ => false,
    };

    private static readonly IReadOnlyDictionary<string, object?> EmptyArguments = new Dictionary<string, object?>();

    private sealed record ChildEntry(ObjectGraphType Type, CollectedFields Fields);

    private sealed record GetterEntry(Type Type, Func<object, object?>? Getter);
}
