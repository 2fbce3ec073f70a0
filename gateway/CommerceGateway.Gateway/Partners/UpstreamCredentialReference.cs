namespace CommerceGateway.Gateway.Partners;

/// <summary>A route's <c>{channel}:{credential}</c> pointer to a channel credential in configuration.</summary>
internal readonly record struct UpstreamCredentialReference(string Channel, string Credential)
{
    /// <summary>The configuration key holding the credential's value.</summary>
    public string ConfigurationKey => $"Channels:{Channel}:Credentials:{Credential}";

    public static bool TryParse(string? text, out UpstreamCredentialReference reference)
    {
        reference = default;
        var parts = text?.Split(':') ?? [];
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            return false;
        }

        reference = new UpstreamCredentialReference(parts[0].Trim(), parts[1].Trim());
        return true;
    }
}
