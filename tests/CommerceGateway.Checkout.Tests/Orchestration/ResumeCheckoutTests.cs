using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>checkoutResume at the checkout core: a paid cart is never resumed, so no resume leads to a second charge.</summary>
public sealed class ResumeCheckoutTests : IDisposable
{
    private static readonly ClientContext Alice = new("storefront-alice");
    private readonly ChargeLedger _ledger = new();
    private readonly CheckoutHost _host;

    public ResumeCheckoutTests() => _host = new CheckoutHost(_ledger, shopCapabilities: ["Refunds", "Resume"]);

    private CheckoutServices Checkout => _host.Checkout;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ResumeCheckout_OfAPaidCart_IsInvalidStep_TheCartStaysCompleteAndNothingMoreIsCharged()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 2)], null, default);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        var refused = await Checkout.Carts.ResumeCheckoutAsync(Alice, cart.Id, null, new CheckoutResumeOptions(AllowAlternativeSeats: true), default);

        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(refused.Errors).Code);
        Assert.Equal(1, _ledger.Charges);
        Assert.Equal(CheckoutStatus.Complete, (await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Checkout.Status);
    }
}
