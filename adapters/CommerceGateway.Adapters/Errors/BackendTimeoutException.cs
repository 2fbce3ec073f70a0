namespace CommerceGateway.Adapters;

/// <summary>The backend did not answer within the channel's timeout.</summary>
public sealed class BackendTimeoutException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The cause.</param>
    public BackendTimeoutException(string channel, TimeSpan timeout, Exception? innerException = null)
        : base(CommerceErrorCodes.BackendTimeout, $"The {channel} backend did not answer within {timeout.TotalSeconds:0.###} s.", channel, innerException) =>
        Timeout = timeout;

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override bool IsFault => true;
}
