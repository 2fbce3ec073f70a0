namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// Settings of the OrderFlow sandbox, bound from <c>Sandbox:OrderFlow</c>. Totals include tax, so
/// the tax of an order is <c>total x rate / (1 + rate)</c>, rounded to cents, and the subtotal is
/// the rest.
/// </summary>
internal sealed class OrderFlowSandboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sandbox:OrderFlow";

    /// <summary>
    /// Tax as a fraction of the net amount. Default 36/164 (about 21.95%), the rate at which the
    /// source's example (total 200) has tax 36 and subtotal 164.
    /// </summary>
    public decimal TaxRate { get; set; } = 36m / 164m;

    /// <summary>The currency payments are made in (the source's example uses USD).</summary>
    public string Currency { get; set; } = "USD";
}
