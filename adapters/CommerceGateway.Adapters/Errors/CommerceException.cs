namespace CommerceGateway.Adapters;

/// <summary>
/// Base of every error an adapter raises on purpose. <see cref="Code"/> is one of
/// <see cref="CommerceErrorCodes"/>; <see cref="IsFault"/> separates infrastructure faults
/// (retry later) from business outcomes (tell the buyer).
/// </summary>
public abstract class CommerceException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CommerceException(string code, string message, string? channel, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Channel = channel;
    }

    /// <summary>The stable error code.</summary>
    public string Code { get; }

    /// <summary>The channel whose backend raised it, when known.</summary>
    public string? Channel { get; }

    /// <summary>True for faults (backend unavailable, timeout, protocol error), false for business outcomes.</summary>
    public abstract bool IsFault { get; }

    /// <summary>
    /// True only when the call provably never reached the backend, so it cannot have taken effect there:
    /// the channel's circuit breaker refused it, or no connection to the backend could be opened (the
    /// host name did not resolve, the connection was refused), on every attempt the pipeline made. False
    /// whenever the backend may have received it (a timeout, a connection broken after the request was
    /// written, any answer, or an earlier attempt of the same call that was sent), and for every
    /// business outcome. An operation made of several calls (see
    /// <see cref="CommerceBackend.SubmitPaymentAsync"/>) raises it only when none of its calls with an
    /// effect reached the backend.
    /// </summary>
    public virtual bool RequestNotSent => false;
}
