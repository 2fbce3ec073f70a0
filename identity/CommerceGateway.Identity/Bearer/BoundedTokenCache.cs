using System.Collections.Concurrent;

namespace CommerceGateway.Identity.Bearer;

/// <summary>The size bound both validated-token caches keep, by token string.</summary>
internal static class BoundedTokenCache
{
    /// <summary>
    /// Makes room for one more entry once <paramref name="entries"/> holds <paramref name="capacity"/>: expired
    /// entries go first, and when every entry is still live the cache starts over rather than grow without bound.
    /// </summary>
    public static void MakeRoom<TValue>(ConcurrentDictionary<string, TValue> entries, int capacity, Func<TValue, bool> expired)
    {
        if (entries.Count < capacity)
        {
            return;
        }

        foreach (var (key, value) in entries)
        {
            if (expired(value))
            {
                entries.TryRemove(key, out _);
            }
        }

        if (entries.Count >= capacity)
        {
            entries.Clear();
        }
    }
}
