namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures an input object type. Resolvers receive its values as string-keyed dictionaries.</summary>
public sealed class InputObjectTypeBuilder
{
    internal InputObjectTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal bool IsOneOf { get; private set; }

    internal List<InputValueBuilder> Fields { get; } = [];

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public InputObjectTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Makes this a <c>@oneOf</c> input: exactly one field must be given, and it must not be null.</summary>
    public InputObjectTypeBuilder OneOf()
    {
        IsOneOf = true;
        return this;
    }

    /// <summary>Adds an input field of the given SDL type.</summary>
    public InputObjectTypeBuilder Field(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueBuilder(name, type);
        configure?.Invoke(field);
        Fields.Add(field);
        return this;
    }
}
