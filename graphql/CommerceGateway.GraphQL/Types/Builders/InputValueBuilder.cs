namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures an argument, an input field or a directive argument.</summary>
public sealed class InputValueBuilder
{
    internal InputValueBuilder(string name, string type)
    {
        Name = name;
        TypeReference = type;
    }

    internal string Name { get; }

    internal string TypeReference { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DefaultLiteral { get; private set; }

    internal string? DeprecationReason { get; private set; }

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public InputValueBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Sets the default as a GraphQL literal, e.g. <c>10</c>, <c>"EUR"</c>, <c>[RED]</c> or <c>{first: 5}</c>.</summary>
    public InputValueBuilder DefaultValue(string literal)
    {
        DefaultLiteral = literal;
        return this;
    }

    /// <summary>Marks the value deprecated. Only optional values may be deprecated.</summary>
    public InputValueBuilder Deprecated(string reason = SchemaBuilder.DefaultDeprecationReason)
    {
        DeprecationReason = reason;
        return this;
    }
}
