namespace CommerceGateway.Adapters;

/// <summary>What an adapter kind declares about itself when it is registered.</summary>
public sealed class AdapterOptions
{
    /// <summary>Capabilities of a channel of this kind that lists none in configuration.</summary>
    public ChannelCapabilities DefaultCapabilities { get; set; }

    /// <summary>Credential names every channel of this kind must configure, e.g. "ClientSecret".</summary>
    public ISet<string> RequiredCredentials { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Setting names every channel of this kind must configure.</summary>
    public ISet<string> RequiredSettings { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
