namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures a union type.</summary>
public sealed class UnionTypeBuilder
{
    internal UnionTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<string> MemberNames { get; } = [];

    internal Func<object, string?>? TypeResolver { get; private set; }

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public UnionTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds object types to the union.</summary>
    public UnionTypeBuilder Members(params string[] objectTypeNames)
    {
        MemberNames.AddRange(objectTypeNames);
        return this;
    }

    /// <summary>Names the object type of a runtime value; without it the members' runtime types decide.</summary>
    public UnionTypeBuilder ResolveType(Func<object, string?> resolver)
    {
        TypeResolver = resolver;
        return this;
    }
}
