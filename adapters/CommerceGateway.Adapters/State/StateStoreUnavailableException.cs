namespace CommerceGateway.Adapters.State;

/// <summary>
/// The shared state store (for example Redis) could not be reached or did not answer in time.
/// The outcome of a write is unknown: a command the store had already received before it stalled
/// may still be applied when it resumes (the stores never send one later themselves). Repeating a
/// write never applies it twice (seat holds are per holder, idempotency claims per fingerprint,
/// session writes per expected version), so the caller may retry once the store is back and read
/// what the store holds. The message names the operation and the client's error, for logs; it is
/// not meant for clients.
/// </summary>
public sealed class StateStoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StateStoreUnavailableException()
        : base("The state store is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message that says what failed.</summary>
    /// <param name="message">What failed.</param>
    public StateStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The client or network error.</param>
    public StateStoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one store operation.</summary>
    /// <param name="operation">The operation, for example "seat hold acquire".</param>
    /// <param name="reason">Why it failed, for example "timed out after 2 s".</param>
    /// <param name="innerException">The client or network error, when there is one.</param>
    /// <returns>The exception, with a message naming the operation and the reason.</returns>
    public static StateStoreUnavailableException For(string operation, string reason, Exception? innerException = null) =>
        new($"The state store is unavailable: {operation} failed ({reason}). Check that the store (Redis) is running and reachable. If the store received the command before failing, the command may still take effect.", innerException);
}
