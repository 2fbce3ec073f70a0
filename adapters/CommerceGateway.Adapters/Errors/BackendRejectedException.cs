namespace CommerceGateway.Adapters;

/// <summary>
/// The backend refused the operation for a business reason (sold out, declined, invalid state...).
/// Carries our stable code plus the backend's own code and message.
/// </summary>
public sealed class BackendRejectedException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="code">One of <see cref="CommerceErrorCodes"/>' business codes.</param>
    /// <param name="message">A message fit for the buyer or the front-end developer.</param>
    /// <param name="backendCode">The backend's own error code, when it gave one.</param>
    /// <param name="backendMessage">The backend's own message.</param>
    /// <param name="field">The input field at fault, when there is one.</param>
    public BackendRejectedException(string channel, string code, string message, string? backendCode = null, string? backendMessage = null, string? field = null)
        : base(code, message, channel)
    {
        BackendCode = backendCode;
        BackendMessage = backendMessage;
        Field = field;
    }

    /// <summary>The backend's own error code.</summary>
    public string? BackendCode { get; }

    /// <summary>The backend's own message.</summary>
    public string? BackendMessage { get; }

    /// <summary>The input field at fault, when there is one.</summary>
    public string? Field { get; }

    /// <inheritdoc />
    public override bool IsFault => false;
}
