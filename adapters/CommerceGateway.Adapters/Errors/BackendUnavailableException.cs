namespace CommerceGateway.Adapters;

/// <summary>The backend could not be reached, answered with a server error, or its circuit breaker is open.</summary>
public sealed class BackendUnavailableException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The HTTP status the backend answered with, when it answered.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="requestNotSent">True only when the call provably never reached the backend (see <see cref="CommerceException.RequestNotSent"/>).</param>
    public BackendUnavailableException(string channel, string message, int? statusCode = null, Exception? innerException = null, bool requestNotSent = false)
        : base(CommerceErrorCodes.BackendUnavailable, message, channel, innerException)
    {
        StatusCode = statusCode;
        RequestNotSent = requestNotSent && statusCode is null;
    }

    /// <summary>The HTTP status the backend answered with, when it answered.</summary>
    public int? StatusCode { get; }

    /// <inheritdoc />
    public override bool IsFault => true;

    /// <inheritdoc />
    public override bool RequestNotSent { get; }
}
