namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>What object and interface builders share: description, interfaces and fields.</summary>
/// <typeparam name="TBuilder">The concrete builder, returned for chaining.</typeparam>
public abstract class ComplexTypeBuilder<TBuilder>
    where TBuilder : ComplexTypeBuilder<TBuilder>
{
    private protected ComplexTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<string> InterfaceNames { get; } = [];

    internal List<FieldBuilder> Fields { get; } = [];

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public TBuilder Description(string description)
    {
        DescriptionText = description;
        return (TBuilder)this;
    }

    /// <summary>Declares implemented interfaces, including those inherited through other interfaces.</summary>
    public TBuilder Implements(params string[] interfaceNames)
    {
        InterfaceNames.AddRange(interfaceNames);
        return (TBuilder)this;
    }

    /// <summary>Adds a field of the given SDL type, e.g. <c>[Product!]!</c>.</summary>
    public TBuilder Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        Fields.Add(field);
        return (TBuilder)this;
    }
}
