using System.Collections.Concurrent;
using System.Text.Json;

namespace CommerceGateway.GraphQL.Http;

/// <summary>
/// The query strings of recent requests by their raw JSON bytes, so a repeated query (the usual
/// case: clients send the same few documents) is not unescaped and transcoded to UTF-16 again, and
/// arrives at the document cache as the same string instance. Bounded in count and length; when
/// full it starts over, so never-repeating input only costs what decoding costs anyway.
/// </summary>
internal static class QueryTexts
{
    private const int MaxEntries = 256;
    private const int MaxBytes = 8 * 1024;
    private static readonly ConcurrentDictionary<byte[], string> Texts = new(Utf8Comparer.Instance);
    private static readonly ConcurrentDictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> BySpan = Texts.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The string token at <paramref name="reader"/>, as <see cref="Utf8JsonReader.GetString"/> returns it.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var raw = reader.ValueSpan;
        if (BySpan.TryGetValue(raw, out var known))
        {
            return known;
        }

        var text = reader.GetString()!;
        if (Texts.Count >= MaxEntries)
        {
            Texts.Clear();
        }

        Texts.TryAdd(raw.ToArray(), text);
        return text;
    }

    private sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8Comparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        // HashCode is seeded per process, so colliding keys cannot be precomputed.
        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
