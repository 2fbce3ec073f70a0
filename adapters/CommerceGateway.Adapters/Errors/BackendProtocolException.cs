namespace CommerceGateway.Adapters;

/// <summary>The backend answered with something the adapter cannot read: a missing field, a wrong type, invalid JSON.</summary>
public sealed class BackendProtocolException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="field">The path of the offending field, e.g. "basket.total", or "(body)" for unreadable bodies.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The cause.</param>
    public BackendProtocolException(string channel, string field, string problem, Exception? innerException = null)
        : base(CommerceErrorCodes.BackendProtocolError, $"The {channel} backend sent an unexpected response: {field}: {problem}", channel, innerException) =>
        Field = field;

    /// <summary>The path of the offending field.</summary>
    public string Field { get; }

    /// <inheritdoc />
    public override bool IsFault => true;
}
