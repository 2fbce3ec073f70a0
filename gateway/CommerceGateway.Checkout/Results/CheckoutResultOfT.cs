namespace CommerceGateway.Checkout;

/// <summary>The outcome of an orchestration call: a value, or user errors, never both.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record CheckoutResult<T>
{
    internal CheckoutResult(T? value, IReadOnlyList<UserError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>Why the call did not succeed; empty on success.</summary>
    public IReadOnlyList<UserError> Errors { get; }

    /// <summary>True when the call succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;
}
