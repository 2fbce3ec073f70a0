using System.Text.Json;
using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>The Livescale standard flow, end to end, against the sandbox over HTTP.</summary>
public sealed class LivescaleStandardFlowTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    [Fact]
    public async Task StandardFlow_GuestCheckoutWithCoupon_AuthorizesThenCapturesWithComputedNetTotals()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var backend = channel.Backend;
        var usd = CurrencyCode.Usd;

        var cart = await backend.CreateCartAsync(new CartCreation("cart-flow", usd), Ct);
        cart = await backend.AddLinesAsync(cart, [new("TEE-BLK-M", 1), new("HOOD-GRY-M", 1)], Ct);
        var tee = cart.Lines.Single(l => l.MerchandiseId == "TEE-BLK-M");
        cart = await backend.UpdateLinesAsync(cart, [new CartLineUpdate(tee.Id, 2)], Ct);
        cart = await backend.ApplyDiscountCodeAsync(cart, "WELCOME10", Ct);
        cart = await backend.UpdateBuyerAsync(cart, LivescaleFlow.Buyer, Ct);
        cart = await backend.BeginCheckoutAsync(cart, Ct);

        Assert.Equal([CheckoutStepKind.Email, CheckoutStepKind.Address, CheckoutStepKind.Delivery, CheckoutStepKind.Payment], cart.Checkout.Steps.Select(s => s.Kind));
        Assert.Equal(CheckoutStepKind.Address, cart.Checkout.Current);

        cart = await backend.UpdateAddressesAsync(cart, LivescaleFlow.Address, LivescaleFlow.Address with { Line1 = "2 Billing Road" }, Ct);
        var options = await backend.GetShippingOptionsAsync(cart, Ct);
        Assert.Equal(["standard", "express"], options.Select(o => o.Id));
        Assert.Equal(Money.Of(5.00m, "USD"), options[0].Price);
        cart = await backend.SelectShippingOptionAsync(cart, "standard", Ct);

        // 2 x 19.99 + 49.00 = 88.98; 10% off = 8.90; + 5.00 shipping = 85.08; + 8% tax 6.81 = 91.89.
        Assert.Equal(Money.Of(88.98m, "USD"), cart.Totals.Subtotal);
        Assert.Equal(Money.Of(8.90m, "USD"), cart.Totals.Discounts);
        Assert.Equal(Money.Of(5.00m, "USD"), cart.Totals.Shipping);
        Assert.Equal(Money.Of(6.81m, "USD"), cart.Totals.Taxes);
        Assert.Equal(Money.Of(91.89m, "USD"), cart.Totals.Total);
        Assert.False(cart.Totals.TaxesIncluded);
        Assert.Equal(["WELCOME10"], cart.DiscountCodes);
        Assert.Equal("2 Billing Road", cart.BillingAddress?.Line1);
        Assert.Equal(CheckoutStepKind.Payment, cart.Checkout.Current);

        var payment = LivescaleFlow.Authorized(cart.Totals.Total);
        var outcome = await backend.SubmitPaymentAsync(cart, payment, Ct);

        Assert.Equal(PaymentStatus.Authorized, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        var order = Assert.IsType<Order>(outcome.Order);
        Assert.Equal(outcome.Cart.OrderId, order.Id);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(Money.Of(91.89m, "USD"), order.Total);
        Assert.Equal(payment.PspTransactionId, order.PspTransactionId);
        Assert.Equal(Money.Zero(usd), order.AmountPaid);

        // The merchant stored the PSP transaction id for refunds (step 7 of the flow).
        var authorization = channel.Traffic.Exchanges.Last(e => e.Method == HttpMethod.Put && e.Path == $"orders/{order.Id}");
        using (var stored = JsonDocument.Parse(authorization.Body))
        {
            Assert.Equal(payment.PspTransactionId, stored.RootElement.GetProperty("psp_transaction_id").GetString());
            Assert.Equal("NEW", stored.RootElement.GetProperty("status").GetString());
        }

        var captured = await backend.CaptureAsync(order, null, Ct);

        Assert.Equal(PaymentStatus.Paid, captured.PaymentStatus);
        Assert.Equal(captured.Total, captured.AmountPaid);
        Assert.Null(captured.FailureReason);
        Assert.Equal(["ORDER_CREATED", "PAYMENT_AUTHORIZED", "PAYMENT_PAID"], captured.Events.Select(e => e.Name));
        Assert.Empty(channel.Traffic.Violations);
    }

    [Fact]
    public async Task StandardFlow_CallsTheMerchantInTheSeedsOrder()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));

        await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct);

        var calls = channel.Traffic.Exchanges.Select(e => LivescaleSpec.Instance.OperationOf(e.Method, e.Path)).ToList();
        Assert.Equal(
        [
            "POST /oauth/token", "POST /customers/login", "POST /baskets", "POST /baskets/{basket_id}/items",
            "PUT /baskets/{basket_id}/customer", "PUT /baskets/{basket_id}/shipping_address", "PUT /baskets/{basket_id}/billing_address",
            "GET /baskets/{basket_id}/shipping_methods", "GET /baskets/{basket_id}/shipping_methods", "PUT /baskets/{basket_id}/shipping_method",
            "GET /baskets/{basket_id}/payment_methods", "PUT /baskets/{basket_id}/payment_method", "POST /orders", "PUT /orders/{order_id}",
        ], calls);
    }

    [Fact]
    public async Task StandardFlow_GrossTaxationStore_ReportsTheIncludedTax()
    {
        using var channel = new LivescaleTestBackend(sandbox, o =>
        {
            o.Credentials["ClientId"] = LivescaleTestBackend.EuClientId;
            o.Credentials["ClientSecret"] = LivescaleTestBackend.EuClientSecret;
        });
        var eur = CurrencyCode.Eur;
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-eu", eur), Ct);
        cart = await channel.Backend.AddLinesAsync(cart, [new("HOOD-GRY-M", 1)], Ct);
        cart = await channel.Backend.UpdateAddressesAsync(cart, LivescaleFlow.Address, null, Ct);
        cart = await channel.Backend.SelectShippingOptionAsync(cart, "express", Ct);

        // 49.00 + 15.00 express, VAT included: 64.00 x 20/120 = 10.67.
        Assert.True(cart.Totals.TaxesIncluded);
        Assert.Equal(Money.Of(49.00m, "EUR"), cart.Totals.Subtotal);
        Assert.Equal(Money.Of(15.00m, "EUR"), cart.Totals.Shipping);
        Assert.Equal(Money.Of(10.67m, "EUR"), cart.Totals.Taxes);
        Assert.Equal(Money.Of(64.00m, "EUR"), cart.Totals.Total);
        Assert.Equal("Express", cart.ShippingOption?.Title);
    }

    [Fact]
    public async Task Coupons_AppliedThenRemoved_TotalsFollow()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("MUG-WHT", 2));
        var before = cart.Totals;

        cart = await channel.Backend.ApplyDiscountCodeAsync(cart, "freeship", Ct);
        cart = await channel.Backend.ApplyDiscountCodeAsync(cart, "FIVEOFF", Ct);

        // 25.00 - 5.00 off - 5.00 free shipping + 5.00 shipping = 20.00, + 8% = 21.60.
        Assert.Equal(["FREESHIP", "FIVEOFF"], cart.DiscountCodes);
        Assert.Equal(Money.Of(10.00m, "USD"), cart.Totals.Discounts);
        Assert.Equal(Money.Of(21.60m, "USD"), cart.Totals.Total);

        cart = await channel.Backend.RemoveDiscountCodeAsync(cart, "FREESHIP", Ct);
        cart = await channel.Backend.RemoveDiscountCodeAsync(cart, "FIVEOFF", Ct);

        Assert.Empty(cart.DiscountCodes);
        Assert.Equal(before, cart.Totals);
    }

    [Fact]
    public async Task UpdateLines_ZeroQuantity_RemovesTheLine()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-zero", CurrencyCode.Usd), Ct);
        cart = await channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1), new("MUG-WHT", 1)], Ct);

        cart = await channel.Backend.UpdateLinesAsync(cart, [new CartLineUpdate(cart.Lines[0].Id, 0)], Ct);

        Assert.Equal("MUG-WHT", Assert.Single(cart.Lines).MerchandiseId);
        Assert.Equal(Money.Of(12.50m, "USD"), cart.Totals.Subtotal);
    }

    [Fact]
    public async Task SubmitPayment_ChannelWithoutCaptureLater_ReportsAuthorizationAndCaptureAtOnce()
    {
        using var channel = new LivescaleTestBackend(sandbox, o => o.Capabilities = ["ProductCatalog", "Shipping", "DiscountCodes"]);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("JOG-NVY-M", 1));

        var outcome = await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct);

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(outcome.Order!.Total, outcome.Order.AmountPaid);
        await Assert.ThrowsAsync<CapabilityNotSupportedException>(() => channel.Backend.CaptureAsync(outcome.Order, null, Ct));
    }

    [Fact]
    public async Task CaptureAsync_AlreadyPaid_ReturnsTheOrderWithoutReportingAgain()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        var paid = await channel.Backend.CaptureAsync(order, order.Total, Ct);
        var reports = channel.Traffic.Exchanges.Count(e => e.Method == HttpMethod.Put && e.Path.StartsWith("orders/", StringComparison.Ordinal));

        var again = await channel.Backend.CaptureAsync(paid, null, Ct);

        Assert.Equal(PaymentStatus.Paid, again.PaymentStatus);
        Assert.Equal(reports, channel.Traffic.Exchanges.Count(e => e.Method == HttpMethod.Put && e.Path.StartsWith("orders/", StringComparison.Ordinal)));
    }
}
