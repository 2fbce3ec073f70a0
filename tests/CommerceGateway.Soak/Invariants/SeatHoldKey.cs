namespace CommerceGateway.Soak.Invariants;

/// <summary>A gateway seat-hold key found in Redis, with its remaining time to live (-1: none).</summary>
/// <param name="Key">The key.</param>
/// <param name="TtlMilliseconds">PTTL's answer: milliseconds left, -1 when the key never expires.</param>
public sealed record SeatHoldKey(string Key, long TtlMilliseconds);
