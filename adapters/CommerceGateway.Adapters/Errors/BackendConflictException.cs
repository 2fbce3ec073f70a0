namespace CommerceGateway.Adapters;

/// <summary>The backend's state changed under us (cart modified elsewhere, order already processing).</summary>
public sealed class BackendConflictException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="message">What conflicted.</param>
    /// <param name="backendCode">The backend's own error code.</param>
    public BackendConflictException(string channel, string message, string? backendCode = null)
        : base(CommerceErrorCodes.Conflict, message, channel) => BackendCode = backendCode;

    /// <summary>The backend's own error code.</summary>
    public string? BackendCode { get; }

    /// <inheritdoc />
    public override bool IsFault => false;
}
