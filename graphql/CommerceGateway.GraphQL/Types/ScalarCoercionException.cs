namespace CommerceGateway.GraphQL.Types;

/// <summary>Thrown by a <see cref="ScalarType"/> when a value cannot be coerced; the message reaches the client.</summary>
public sealed class ScalarCoercionException : Exception
{
    /// <summary>Creates the exception with a message safe to show to clients.</summary>
    public ScalarCoercionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ScalarCoercionException()
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ScalarCoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
