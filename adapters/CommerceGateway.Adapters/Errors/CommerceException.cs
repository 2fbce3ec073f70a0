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
}
