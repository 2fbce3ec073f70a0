using System.Globalization;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// <c>DateTime</c>: an RFC 3339 timestamp with offset, e.g. <c>2026-11-25T17:45:00Z</c>. Resolvers
/// receive a <see cref="DateTimeOffset"/>; results may be a <see cref="DateTimeOffset"/> or a UTC <see cref="DateTime"/>.
/// </summary>
public sealed class DateTimeScalar : ScalarType
{
    /// <summary>Creates the scalar with the name <c>DateTime</c>.</summary>
    public DateTimeScalar()
        : base("DateTime", "An RFC 3339 date-time with a time-zone offset, e.g. `2026-11-25T17:45:00Z`.", "https://scalars.graphql.org/andimarek/date-time")
    {
    }

    /// <inheritdoc />
    public override object Serialize(object value) => value switch
    {
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        DateTime d when d.Kind == DateTimeKind.Utc => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        string s => Serialize(ParseValue(s)),
        _ => throw new ScalarCoercionException("DateTime cannot represent a value that is not a DateTimeOffset or a UTC DateTime."),
    };

    /// <inheritdoc />
    public override object ParseValue(object value)
    {
        // RFC 3339 requires the offset; a local time without one would be ambiguous across replicas.
        if (value is string text && text.Length >= 20 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        throw new ScalarCoercionException("DateTime cannot represent this value; expected an RFC 3339 string such as \"2026-11-25T17:45:00Z\".");
    }
}
