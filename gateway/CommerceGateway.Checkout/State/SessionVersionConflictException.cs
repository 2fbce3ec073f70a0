namespace CommerceGateway.Checkout.State;

/// <summary>A session write carried a version that is no longer current: someone else wrote first.</summary>
public sealed class SessionVersionConflictException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SessionVersionConflictException()
        : base("The session was changed by another request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public SessionVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public SessionVersionConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one session write.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="currentVersion">The stored version (0 when there is no session).</param>
    public SessionVersionConflictException(string sessionId, long expectedVersion, long currentVersion)
        : base($"Session '{sessionId}' is at version {currentVersion}, not {expectedVersion}: it was changed by another request. Read it again and retry.")
    {
        SessionId = sessionId;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    /// <summary>The session.</summary>
    public string SessionId { get; } = "";

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stored version; 0 when the session does not exist.</summary>
    public long CurrentVersion { get; }
}
