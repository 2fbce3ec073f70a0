namespace CommerceGateway.Identity;

/// <summary>
/// The store behind <see cref="IRevokedTokenStore"/> or <see cref="ISigningKeyStore"/> could not be
/// reached or did not answer in time. Implementations on a shared store (for example Redis) throw it
/// so that identity answers an outage as one: <c>temporarily_unavailable</c> (503) on the token,
/// introspection and revocation endpoints, and 503 with <c>Retry-After</c> instead of a 401 from
/// bearer-token validation. A token is never accepted because its revocation could not be checked.
/// </summary>
/// <remarks>
/// A write that failed this way may still have been applied (the store may have received it before
/// it stalled); every identity write is safe to repeat.
/// </remarks>
public sealed class IdentityStoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public IdentityStoreUnavailableException()
        : base("The identity store is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message that says what failed.</summary>
    /// <param name="message">What failed; for logs, never shown to clients.</param>
    public IdentityStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's own failure.</summary>
    /// <param name="message">What failed; for logs, never shown to clients.</param>
    /// <param name="innerException">The store's exception.</param>
    public IdentityStoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
