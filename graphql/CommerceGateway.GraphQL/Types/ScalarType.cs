namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// A leaf type with its own coercion rules. Derive from it for custom scalars (dates, money);
/// the built-in Int, Float, String, Boolean and ID are provided by the engine.
/// </summary>
/// <remarks>
/// Input values reach <see cref="ParseValue"/> in a plain form: <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, a list of such values or a string-keyed dictionary.
/// Literals in documents are converted to the same form (enum literals become strings), so one
/// method covers both, as graphql-js does by default.
/// </remarks>
public abstract class ScalarType
{
    /// <summary>Creates a scalar named <paramref name="name"/>.</summary>
    /// <param name="name">The GraphQL name, e.g. <c>DateTime</c>.</param>
    /// <param name="description">Shown in introspection and SDL.</param>
    /// <param name="specifiedByUrl">A URL describing the format, reported as <c>@specifiedBy</c>.</param>
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <summary>The GraphQL name.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; }

    /// <summary>The <c>@specifiedBy</c> URL, or null.</summary>
    public string? SpecifiedByUrl { get; }

    /// <summary>Turns a resolver's value into a JSON-ready value (string, number or boolean).</summary>
    /// <exception cref="ScalarCoercionException">The value cannot be represented by this scalar.</exception>
    public abstract object Serialize(object value);

    /// <summary>Turns an input value (from variables or a literal) into the value resolvers receive.</summary>
    /// <exception cref="ScalarCoercionException">The value is not valid for this scalar.</exception>
    public abstract object ParseValue(object value);
}
