using System.Text.Json.Serialization;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>The spec's Address, as Livescale sends and reads it (the alpha codes' names are not plain snake_case).</summary>
internal sealed record LivescaleAddress(
    string? FirstName,
    string? LastName,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? Country,
    [property: JsonPropertyName("country_code_alpha_2")] string? CountryCodeAlpha2,
    [property: JsonPropertyName("country_code_alpha_3")] string? CountryCodeAlpha3,
    string? ProvinceCode,
    string? Zip,
    string? Phone)
{
    /// <summary>The first required field that is missing, or null.</summary>
    public string? MissingField() =>
        new[] { ("first_name", FirstName), ("last_name", LastName), ("address1", Address1), ("city", City), ("country", Country), ("zip", Zip) }
            .FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Item2)).Item1;

    /// <summary>The checkout core's address; the ISO alpha-2 code from <c>country_code_alpha_2</c>, or <c>country</c> when it is one.</summary>
    public Adapters.Address? ToAddress()
    {
        var code = (CountryCodeAlpha2 ?? (Country is { Length: 2 } ? Country : null))?.ToUpperInvariant();
        return code is null ? null : new Adapters.Address(Address1!, City!, Zip!, code, Address2, ProvinceCode?.ToUpperInvariant(), FirstName, LastName, Phone);
    }

    /// <summary>Redacts the personal data.</summary>
    public override string ToString() => $"LivescaleAddress {{ Country = {CountryCodeAlpha2 ?? Country} }}";
}
