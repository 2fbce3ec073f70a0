namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures a custom directive definition.</summary>
public sealed class DirectiveBuilder
{
    internal DirectiveBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal bool IsRepeatable { get; private set; }

    internal List<string> LocationNames { get; } = [];

    internal List<InputValueBuilder> Arguments { get; } = [];

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public DirectiveBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Allows the directive more than once at one location.</summary>
    public DirectiveBuilder Repeatable()
    {
        IsRepeatable = true;
        return this;
    }

    /// <summary>Adds locations by their spec names, e.g. <c>FIELD</c>, <c>QUERY</c>, <c>OBJECT</c>.</summary>
    public DirectiveBuilder Locations(params string[] locations)
    {
        LocationNames.AddRange(locations);
        return this;
    }

    /// <summary>Adds an argument of the given SDL type.</summary>
    public DirectiveBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, type);
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }
}
