namespace CommerceGateway.Adapters;

/// <summary>
/// How the buyer pays: a token or transaction id from the payment service provider (PSP). Card
/// data never passes through the gateway, so this type has no card fields by design.
/// </summary>
public sealed record PaymentInstruction
{
    /// <summary>Creates an instruction; exactly one of <paramref name="pspToken"/> and <paramref name="pspTransactionId"/> must be given.</summary>
    /// <exception cref="ArgumentException">Neither or both references are given, or a reference is blank.</exception>
    public PaymentInstruction(Money amount, string? pspToken, string? pspTransactionId, string? pspName = null)
    {
        if ((pspToken is null) == (pspTransactionId is null))
        {
            throw new ArgumentException("Give exactly one of a PSP token or a PSP transaction id.");
        }

        if (pspToken is { Length: 0 } || pspTransactionId is { Length: 0 } || string.IsNullOrWhiteSpace(pspToken ?? pspTransactionId))
        {
            throw new ArgumentException("The PSP reference must not be blank.");
        }

        Amount = amount;
        PspToken = pspToken;
        PspTransactionId = pspTransactionId;
        PspName = pspName;
    }

    /// <summary>The amount to authorize or pay.</summary>
    public Money Amount { get; }

    /// <summary>A payment token issued by the PSP (to be charged by the backend).</summary>
    public string? PspToken { get; }

    /// <summary>The id of a transaction the PSP already authorized.</summary>
    public string? PspTransactionId { get; }

    /// <summary>The PSP's name, e.g. "stripe", when the backend wants it.</summary>
    public string? PspName { get; }

    /// <summary>Redacts the PSP reference, which must never reach logs.</summary>
    public override string ToString() => $"PaymentInstruction {{ Amount = {Amount}, Reference = [redacted] }}";
}
