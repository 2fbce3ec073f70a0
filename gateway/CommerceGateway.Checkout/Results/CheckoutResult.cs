namespace CommerceGateway.Checkout;

/// <summary>Creates <see cref="CheckoutResult{T}"/>s.</summary>
public static class CheckoutResult
{
    /// <summary>A success.</summary>
    public static CheckoutResult<T> Ok<T>(T value) => new(value, []);

    /// <summary>
    /// A call that went through and ended in a business failure: <paramref name="value"/> shows the
    /// state it left (a declined payment's cart, an order whose capture failed) and <paramref name="error"/> names it.
    /// </summary>
    public static CheckoutResult<T> Refused<T>(T value, UserError error) => new(value, [error]);

    /// <summary>A failure with one user error.</summary>
    public static CheckoutResult<T> Fail<T>(string code, string message, string? field = null) => new(default, [new UserError(code, message, field)]);

    /// <summary>A failure with several user errors.</summary>
    public static CheckoutResult<T> Fail<T>(IReadOnlyList<UserError> errors) =>
        errors is { Count: > 0 } ? new(default, errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
}
