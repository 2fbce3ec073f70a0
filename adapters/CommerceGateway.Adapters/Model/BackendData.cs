using System.Collections.Immutable;

namespace CommerceGateway.Adapters;

/// <summary>
/// Identifiers and small facts an adapter must remember between calls (the backend's basket id,
/// order code, customer token...). Stored with the cart or order in the shared session store,
/// so adapters themselves stay stateless and any gateway replica can continue a checkout.
/// Values are strings; keep them small and never put secrets in them.
/// </summary>
public sealed record BackendData
{
    /// <summary>No data.</summary>
    public static BackendData Empty { get; } = new();

    /// <summary>The entries, ordered by key.</summary>
    public ImmutableSortedDictionary<string, string> Values { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The value for <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => Values.GetValueOrDefault(key);

    /// <summary>The value for <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">The adapter never stored it (the flow skipped a step).</exception>
    public string Require(string key) =>
        Get(key) ?? throw new InvalidOperationException($"Backend data '{key}' is missing: the backend call that sets it has not run.");

    /// <summary>A copy with <paramref name="key"/> set, or removed when <paramref name="value"/> is null.</summary>
    public BackendData With(string key, string? value) =>
        this with { Values = value is null ? Values.Remove(key) : Values.SetItem(key, value) };

    /// <inheritdoc />
    public bool Equals(BackendData? other) =>
        other is not null && Values.Count == other.Values.Count && Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => Values.Count;
}
