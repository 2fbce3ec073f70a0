namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures an enum type.</summary>
public sealed class EnumTypeBuilder
{
    internal EnumTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<(string Name, object? Value, string? Description, string? DeprecationReason)> ValueList { get; } = [];

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public EnumTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds a value. Resolvers receive and return <paramref name="runtimeValue"/> (the name when null).</summary>
    public EnumTypeBuilder Value(string name, object? runtimeValue = null, string? description = null, string? deprecationReason = null)
    {
        ValueList.Add((name, runtimeValue, description, deprecationReason));
        return this;
    }

    /// <summary>Adds every member of the CLR enum <typeparamref name="TEnum"/>, named in UPPER_SNAKE_CASE.</summary>
    public EnumTypeBuilder Values<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            ValueList.Add((ToConstantCase(value.ToString()), value, null, null));
        }

        return this;
    }

    private static string ToConstantCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
