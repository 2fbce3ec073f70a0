namespace CommerceGateway.Checkout.State;

/// <summary>What <see cref="IIdempotencyStore.BeginAsync"/> found.</summary>
public enum IdempotencyStatus
{
    /// <summary>The key was free and is now claimed by the caller, who runs the request.</summary>
    New,

    /// <summary>The same request is running elsewhere and has not completed.</summary>
    InProgress,

    /// <summary>The same request completed; its result is stored.</summary>
    Completed,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}
