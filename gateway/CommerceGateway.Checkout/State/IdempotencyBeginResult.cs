namespace CommerceGateway.Checkout.State;

/// <summary>The outcome of <see cref="IIdempotencyStore.BeginAsync"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Result">The stored result when <paramref name="Status"/> is Completed; otherwise null.</param>
public sealed record IdempotencyBeginResult(IdempotencyStatus Status, string? Result = null)
{
    /// <summary>The key is now claimed by the caller.</summary>
    public static IdempotencyBeginResult New { get; } = new(IdempotencyStatus.New);

    /// <summary>The same request is still running.</summary>
    public static IdempotencyBeginResult InProgress { get; } = new(IdempotencyStatus.InProgress);

    /// <summary>The key belongs to a different request.</summary>
    public static IdempotencyBeginResult Mismatch { get; } = new(IdempotencyStatus.Mismatch);

    /// <summary>The same request completed with <paramref name="result"/>.</summary>
    /// <param name="result">The stored result.</param>
    /// <returns>The outcome.</returns>
    public static IdempotencyBeginResult Completed(string result) => new(IdempotencyStatus.Completed, result);
}
