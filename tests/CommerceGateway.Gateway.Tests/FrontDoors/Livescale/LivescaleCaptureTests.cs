using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.Identity;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Failed authorizations and captures: the order says so with the reason, and nothing is paid that was not captured.</summary>
public sealed class LivescaleCaptureTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("example");

    [Fact]
    public async Task FailedCaptureReport_ShowsPaymentFailedWithItsReason_AndTheBackendIsPaidOnlyByTheLaterCapture()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        var basket = await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.OrderFlow);
        var order = await LivescaleFlow.AuthorizedOrderAsync(shop, basket.GetProperty("id").GetString()!, LivescaleFlow.NewTransaction());
        var id = order.GetProperty("id").GetString();

        var failed = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { payment_status = "FAILED", reason = "Insufficient funds" }, 201);
        var paid = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { payment_status = "PAID" }, 201);

        Assert.Equal(("NEW", "FAILED", "Insufficient funds"), (failed.GetProperty("status").GetString(), failed.GetProperty("payment_status").GetString(), failed.GetProperty("reason").GetString()));
        Assert.Equal(0m, failed.GetProperty("total_paid").GetDecimal());
        // OrderFlow cannot hold an authorization, so it had no order to undo.
        Assert.False(failed.TryGetProperty("merchant_order_id", out _));
        Assert.Equal("PAID", paid.GetProperty("payment_status").GetString());
        Assert.Equal(200.00m, paid.GetProperty("total_paid").GetDecimal());
    }

    [Fact]
    public async Task CaptureTheBackendFails_OnAChannelThatCapturesLater_ShowsTheBackendsReason_AndCapturesOnTheNextReport()
    {
        using var shop = await fixture.ShopperAsync("example-demo");
        var basket = await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.Example);
        var order = await LivescaleFlow.AuthorizedOrderAsync(shop, basket.GetProperty("id").GetString()!, LivescaleFlow.NewTransaction());
        var id = order.GetProperty("id").GetString();
        await fixture.Sandbox.SetFaultAsync("example", new FaultSpec { CaptureFailure = "Card expired" });

        var failed = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { payment_status = "PAID" }, 201);
        var merchant = await fixture.Orders.GetOrderAsync(new ClientContext(DemoClients.LivescaleId), failed.GetProperty("merchant_order_id").GetString()!, CancellationToken.None);
        await fixture.Sandbox.ClearFaultAsync("example");
        var paid = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { payment_status = "PAID" }, 201);

        Assert.Equal("FAILED", failed.GetProperty("payment_status").GetString());
        Assert.Contains("Card expired", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Authorized, merchant!.Order.PaymentStatus);
        Assert.Equal("PAID", paid.GetProperty("payment_status").GetString());
        Assert.Equal(52.50m, paid.GetProperty("total_paid").GetDecimal());
    }

    [Fact]
    public async Task AuthorizationTheBackendDeclines_FailsTheOrderWithTheReason_AndTheBasketCanBeOrderedAgain()
    {
        using var shop = await fixture.ShopperAsync("example-demo");
        var basketId = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.Example)).GetProperty("id").GetString()!;

        // The example shop's PSP declines this reference.
        var declined = await LivescaleFlow.AuthorizedOrderAsync(shop, basketId, "tok_declined");
        var again = await LivescaleFlow.AuthorizedOrderAsync(shop, basketId, LivescaleFlow.NewTransaction());

        Assert.Equal(("FAILED", "FAILED"), (declined.GetProperty("status").GetString(), declined.GetProperty("payment_status").GetString()));
        Assert.Contains("declined", declined.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(declined.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("AUTHORIZED", again.GetProperty("payment_status").GetString());
    }

    [Fact]
    public async Task FailedAuthorizationReport_FailsTheOrder_AndACaptureOfItIsAConflict()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        var basketId = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.OrderFlow)).GetProperty("id").GetString()!;
        var order = await shop.OkAsync(HttpMethod.Post, "orders", new { basket_id = basketId }, 201);
        var id = order.GetProperty("id").GetString();

        var failed = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { status = "FAILED", reason = "3-D Secure refused" }, 201);
        var capture = await shop.SendAsync(HttpMethod.Put, $"orders/{id}", new { payment_status = "PAID" });

        Assert.Equal(("FAILED", "3-D Secure refused"), (failed.GetProperty("status").GetString(), failed.GetProperty("reason").GetString()));
        Assert.Equal((409, "invalid_transition"), (capture.Status, capture.Error));
    }

    [Fact]
    public async Task AuthorizationWithAnotherTransaction_IsAConflict_AndTheSameOneAgainChangesNothing()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        var basketId = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.OrderFlow)).GetProperty("id").GetString()!;
        var transaction = LivescaleFlow.NewTransaction();
        var order = await LivescaleFlow.AuthorizedOrderAsync(shop, basketId, transaction);
        var id = order.GetProperty("id").GetString();

        var same = await shop.OkAsync(HttpMethod.Put, $"orders/{id}", new { status = "NEW", psp_transaction_id = transaction }, 201);
        var other = await shop.SendAsync(HttpMethod.Put, $"orders/{id}", new { status = "NEW", psp_transaction_id = LivescaleFlow.NewTransaction() });
        var missing = await shop.SendAsync(HttpMethod.Put, $"orders/{id}", new { card_type = "visa" });

        Assert.Equal("AUTHORIZED", same.GetProperty("payment_status").GetString());
        Assert.Equal((409, "invalid_transition"), (other.Status, other.Error));
        Assert.Equal((400, "invalid_request"), (missing.Status, missing.Error));
    }

    [Fact]
    public async Task OrderWithTheTransactionInItsBody_IsAuthorizedAtOnce_AndBothReportsInOneCallPay()
    {
        using var shop = await fixture.ShopperAsync("example-demo");
        var basketId = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.Example)).GetProperty("id").GetString()!;
        var transaction = LivescaleFlow.NewTransaction();

        var order = await shop.OkAsync(HttpMethod.Post, "orders", new { basket_id = basketId, psp_transaction_id = transaction }, 201);
        var paid = await shop.OkAsync(HttpMethod.Put, $"orders/{order.GetProperty("id").GetString()}", new { status = "NEW", payment_status = "PAID", psp_transaction_id = transaction }, 201);

        Assert.Equal(("NEW", "AUTHORIZED"), (order.GetProperty("status").GetString(), order.GetProperty("payment_status").GetString()));
        Assert.Equal(("PAID", 52.50m), (paid.GetProperty("payment_status").GetString(), paid.GetProperty("total_paid").GetDecimal()));
    }
}
