namespace CommerceGateway.Adapters;

/// <summary>The person checking out (a guest unless the backend knows them).</summary>
/// <param name="Email">Contact email; never logged.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="Phone">Phone number as entered.</param>
public sealed record Buyer(string? Email, string? FirstName = null, string? LastName = null, string? Phone = null)
{
    /// <summary>The full name when both parts are known.</summary>
    public string? FullName => FirstName is null && LastName is null ? null : $"{FirstName} {LastName}".Trim();

    /// <summary>Redacts the personal data, so a logged buyer leaks nothing.</summary>
    public override string ToString() => $"Buyer {{ Email = {(Email is null ? "none" : "[redacted]")} }}";
}
