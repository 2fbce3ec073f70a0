namespace CommerceGateway.Checkout;

/// <summary>
/// The outcome of an orchestration call: a value, or user errors, or both when the call went through
/// and its outcome is a business failure (a declined payment, a failed capture): the value shows the
/// state it left, the error names the failure.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record CheckoutResult<T>
{
    internal CheckoutResult(T? value, IReadOnlyList<UserError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value when the call succeeded or ended in a business failure it shows.</summary>
    public T? Value { get; }

    /// <summary>Why the call did not succeed; empty on success.</summary>
    public IReadOnlyList<UserError> Errors { get; }

    /// <summary>True when the call succeeded (no user errors).</summary>
    public bool Succeeded => Errors.Count == 0;
}
