using System.Collections.Concurrent;

namespace CommerceGateway.GraphQL.Protection;

/// <summary>
/// A thread-safe cache with a hard size bound. When full, the least recently used tenth is evicted
/// in one sweep, so lookups stay lock-free and the bound holds under hostile, never-repeating input.
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evictionLock = new();
    private long _clock;

    public int Count => _entries.Count;

    public bool TryGet(string key, out TValue? value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Set(string key, TValue value, bool pinned = false)
    {
        if (capacity == 0 && !pinned)
        {
            return;
        }

        if (_entries.Count >= capacity && !_entries.ContainsKey(key))
        {
            Evict();
        }

        _entries[key] = new Entry(value, pinned) { LastUsed = Interlocked.Increment(ref _clock) };
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            if (_entries.Count < capacity)
            {
                return;
            }

            var victims = _entries.Where(e => !e.Value.Pinned)
                .OrderBy(e => e.Value.LastUsed)
                .Take(Math.Max(1, capacity / 10))
                .Select(e => e.Key)
                .ToList();
            foreach (var key in victims)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(TValue value, bool pinned)
    {
        public TValue Value { get; } = value;

        public bool Pinned { get; } = pinned;

        public long LastUsed { get; set; }
    }
}
