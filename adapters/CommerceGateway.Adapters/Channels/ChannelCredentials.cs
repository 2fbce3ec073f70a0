using System.Collections.Immutable;

namespace CommerceGateway.Adapters;

/// <summary>
/// A channel's secrets for its backend (client id and secret, API key...). Kept apart from
/// settings so they are never printed: <see cref="ToString"/> shows only the names.
/// </summary>
public sealed class ChannelCredentials
{
    private readonly ImmutableDictionary<string, string> _values;

    /// <summary>Creates credentials from name/value pairs (names are case-insensitive).</summary>
    public ChannelCredentials(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = values.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>No credentials.</summary>
    public static ChannelCredentials None { get; } = new([]);

    /// <summary>The names present.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The value of <paramref name="name"/>, or null.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>The value of <paramref name="name"/>; start-up validation guarantees required ones exist.</summary>
    /// <exception cref="InvalidOperationException">The credential is missing.</exception>
    public string Require(string name) =>
        Get(name) ?? throw new InvalidOperationException($"Credential '{name}' is not configured.");

    /// <summary>The names only; values are secret.</summary>
    public override string ToString() => $"[{string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))}: redacted]";
}
