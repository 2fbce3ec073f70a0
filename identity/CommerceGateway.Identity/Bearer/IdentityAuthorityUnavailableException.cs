namespace CommerceGateway.Identity;

/// <summary>
/// The external authority named by <c>Authority</c> (or its metadata address) could not be read: its
/// metadata or JWKS did not load and no earlier copy is held, so a bearer token cannot be checked.
/// Thrown out of bearer authentication so that the caller answers 503 with <c>Retry-After</c>: the token is
/// neither accepted nor refused with RFC 6750's <c>invalid_token</c>, which would tell the client to drop a
/// token that may be good and ask the same unreachable authority for a new one.
/// </summary>
public sealed class IdentityAuthorityUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public IdentityAuthorityUnavailableException()
        : base("The identity authority is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message that says what failed.</summary>
    /// <param name="message">What failed; for logs, never shown to clients.</param>
    public IdentityAuthorityUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the metadata reader's own failure.</summary>
    /// <param name="message">What failed; for logs, never shown to clients.</param>
    /// <param name="innerException">The metadata reader's exception.</param>
    public IdentityAuthorityUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
