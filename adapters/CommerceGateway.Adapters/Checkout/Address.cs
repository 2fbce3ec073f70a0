namespace CommerceGateway.Adapters;

/// <summary>A postal address for shipping or billing.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="City">City or town.</param>
/// <param name="PostalCode">Postal or ZIP code.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country code, e.g. "US".</param>
/// <param name="Line2">Apartment, suite, floor.</param>
/// <param name="RegionCode">State or province code (ISO 3166-2 subdivision part), e.g. "CA".</param>
/// <param name="FirstName">Recipient's given name.</param>
/// <param name="LastName">Recipient's family name.</param>
/// <param name="Phone">Recipient's phone.</param>
/// <param name="Company">Company name.</param>
public sealed record Address(
    string Line1,
    string City,
    string PostalCode,
    string CountryCode,
    string? Line2 = null,
    string? RegionCode = null,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null,
    string? Company = null)
{
    /// <summary>Redacts the personal data, so a logged address leaks nothing but the country.</summary>
    public override string ToString() => $"Address {{ CountryCode = {CountryCode} }}";
}
