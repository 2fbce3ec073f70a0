namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(string name)
        : base(name)
    {
    }

    internal Func<object, string?>? TypeResolver { get; private set; }

    /// <summary>Names the object type of a runtime value; without it the object types' runtime types decide.</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, string?> resolver)
    {
        TypeResolver = resolver;
        return this;
    }
}
