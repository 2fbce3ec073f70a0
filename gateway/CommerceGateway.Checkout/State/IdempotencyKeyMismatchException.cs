namespace CommerceGateway.Checkout.State;

/// <summary>An idempotency key was completed with a request fingerprint other than the one that claimed it.</summary>
public sealed class IdempotencyKeyMismatchException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public IdempotencyKeyMismatchException()
        : base("The idempotency key belongs to a different request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What mismatched.</param>
    public IdempotencyKeyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What mismatched.</param>
    /// <param name="innerException">The cause.</param>
    public IdempotencyKeyMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one key.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <returns>The exception.</returns>
    public static IdempotencyKeyMismatchException ForKey(string key) =>
        new($"Idempotency key '{key}' belongs to a different request; use a new key for a new request.");
}
