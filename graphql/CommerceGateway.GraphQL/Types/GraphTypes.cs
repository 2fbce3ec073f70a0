namespace CommerceGateway.GraphQL.Types;

/// <summary>The kinds introspection reports in <c>__Type.kind</c>.</summary>
internal enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>Any type reference in the built schema: a named type or a list/non-null wrapper.</summary>
internal abstract class GraphType
{
    public abstract TypeKind Kind { get; }

    public NamedType NamedType => this switch
    {
        NamedType named => named,
        ListType list => list.OfType.NamedType,
        NonNullType nonNull => nonNull.OfType.NamedType,
        _ => throw new InvalidOperationException("Unknown type wrapper."),
    };

    public bool IsInputType => NamedType is ScalarGraphType or EnumGraphType or InputObjectGraphType;

    public bool IsOutputType => NamedType is ScalarGraphType or EnumGraphType or ObjectGraphType or InterfaceGraphType or UnionGraphType;

    public bool IsLeaf => NamedType is ScalarGraphType or EnumGraphType;

    public GraphType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>The SDL spelling, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary><c>[T]</c>.</summary>
internal sealed class ListType(GraphType ofType) : GraphType
{
    public GraphType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.List;

    public override string ToString() => $"[{OfType}]";
}

/// <summary><c>T!</c>.</summary>
internal sealed class NonNullType(GraphType ofType) : GraphType
{
    public GraphType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.NonNull;

    public override string ToString() => $"{OfType}!";
}

/// <summary>A type with a name, a description and a place in the schema's type map.</summary>
internal abstract class NamedType(string name, string? description) : GraphType
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public bool IsIntrospection => Name.StartsWith("__", StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>A scalar backed by a <see cref="ScalarType"/> implementation.</summary>
internal sealed class ScalarGraphType(ScalarType implementation)
    : NamedType(implementation.Name, implementation.Description)
{
    public ScalarType Implementation { get; } = implementation;

    public override TypeKind Kind => TypeKind.Scalar;

    public bool IsBuiltIn => Implementation is BuiltInScalar;
}

/// <summary>What objects and interfaces share: fields and implemented interfaces.</summary>
internal abstract class ComplexGraphType(string name, string? description) : NamedType(name, description)
{
    public List<FieldDefinition> FieldList { get; } = [];

    public Dictionary<string, FieldDefinition> Fields { get; } = new(StringComparer.Ordinal);

    public List<InterfaceGraphType> Interfaces { get; } = [];

    public void AddField(FieldDefinition field)
    {
        FieldList.Add(field);
        Fields.TryAdd(field.Name, field);
    }
}

/// <summary>An object type.</summary>
internal sealed class ObjectGraphType(string name, string? description) : ComplexGraphType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    public Func<object, bool>? IsTypeOf { get; set; }

    public Type? RuntimeType { get; set; }
}

/// <summary>An interface type; its implementations are indexed when the schema is built.</summary>
internal sealed class InterfaceGraphType(string name, string? description) : ComplexGraphType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    public Func<object, string?>? ResolveType { get; set; }
}

/// <summary>A union type.</summary>
internal sealed class UnionGraphType(string name, string? description) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public List<ObjectGraphType> Types { get; } = [];

    public Func<object, string?>? ResolveType { get; set; }
}

/// <summary>An enum type with a two-way map between names and runtime values.</summary>
internal sealed class EnumGraphType(string name, string? description) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Enum;

    public List<EnumValueDefinition> Values { get; } = [];

    public Dictionary<string, EnumValueDefinition> ByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<object, EnumValueDefinition> ByValue { get; } = [];
}

/// <summary>An input object type.</summary>
internal sealed class InputObjectGraphType(string name, string? description) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.InputObject;

    public List<InputValueDefinition> FieldList { get; } = [];

    public Dictionary<string, InputValueDefinition> Fields { get; } = new(StringComparer.Ordinal);

    public bool IsOneOf { get; set; }
}
