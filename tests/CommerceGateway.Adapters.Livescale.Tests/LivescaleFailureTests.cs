using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>Every failure path of the Livescale flow, against the sandbox over HTTP.</summary>
public sealed class LivescaleFailureTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    private static bool IsOrderReport(HttpMethod method, string path) => method == HttpMethod.Put && path.StartsWith("orders/", StringComparison.Ordinal);

    [Fact]
    public async Task SubmitPayment_WhoseOrderCannotBeCreatedForLackOfAConnection_SaysThePaymentWasNeverSent()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("TEE-BLK-M", 1));
        channel.Traffic.RefuseConnections((m, p) => m == HttpMethod.Post && p == "orders");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct));

        Assert.True(error.RequestNotSent);
    }

    [Fact]
    public async Task SubmitPayment_WhoseReportCannotConnectAfterTheOrderWasCreated_MayHaveTakenEffect()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("TEE-BLK-M", 1));
        channel.Traffic.RefuseConnections(IsOrderReport);

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct));

        Assert.False(error.RequestNotSent);
        Assert.Contains(channel.Traffic.Exchanges, e => e.Method == HttpMethod.Post && e.Path == "orders" && e.Status < 300);
    }

    [Fact]
    public async Task AddLines_SoldOutVariant_RaisesSoldOutAndLeavesTheCartAsItWas()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-soldout", CurrencyCode.Usd), Ct);
        cart = await channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.AddLinesAsync(cart, [new("MUG-WHT", 1), new("TEE-WHT-M", 1)], Ct));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
        Assert.Equal("sold_out", error.BackendCode);
        Assert.Contains("TEE-WHT-M", error.Message, StringComparison.Ordinal);
        var reread = await channel.Backend.UpdateLinesAsync(cart, [new CartLineUpdate(cart.Lines[0].Id, 1)], Ct);
        Assert.Equal("CAP-RED", Assert.Single(reread.Lines).MerchandiseId);
    }

    [Fact]
    public async Task AddLines_SoldOutFault_RaisesSoldOut()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-soldout-fault", CurrencyCode.Usd), Ct);
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "sold-out");

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.AddLinesAsync(cart, [new("TEE-BLK-L", 1)], Ct));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
    }

    [Fact]
    public async Task SubmitPayment_StockTakenByAnotherOrder_RaisesSoldOutWithoutAnOrder()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var first = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("HOOD-GRY-L", 15));
        var second = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("HOOD-GRY-L", 15));
        await channel.Backend.SubmitPaymentAsync(first, LivescaleFlow.Authorized(first.Totals.Total), Ct);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.SubmitPaymentAsync(second, LivescaleFlow.Authorized(second.Totals.Total), Ct));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
    }

    [Fact]
    public async Task SubmitPayment_MerchantRefusesTheAuthorization_FailsWithTheReasonAndGivesTheStockBack()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("HOOD-GRY-M", 20));
        channel.Traffic.InjectFault(IsOrderReport, "decline");

        var declined = await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct);

        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Null(declined.Order);
        Assert.Contains("refused the authorization", declined.FailureReason, StringComparison.Ordinal);
        Assert.Equal(CheckoutStatus.PaymentFailed, declined.Cart.Checkout.Status);
        Assert.Equal(CheckoutStepKind.Payment, declined.Cart.Checkout.Current);
        Assert.Equal(declined.FailureReason, declined.Cart.Checkout.FailureReason);

        // All 20 hoodies went back to stock: the same basket can be ordered again.
        var retried = await channel.Backend.SubmitPaymentAsync(declined.Cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct);
        Assert.Equal(PaymentStatus.Authorized, retried.Status);
    }

    [Fact]
    public async Task CaptureAsync_CaptureFailure_KeepsTheOrderAuthorizedWithTheReasonAndACaptureFailedEvent()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        channel.Traffic.InjectFault(IsOrderReport, "capture-failure=Insufficient funds");

        var failed = await channel.Backend.CaptureAsync(order, null, Ct);

        Assert.Equal(OrderStatus.Placed, failed.Status);
        Assert.Equal(PaymentStatus.Authorized, failed.PaymentStatus);
        Assert.Equal("Insufficient funds", failed.FailureReason);
        Assert.Equal(Money.Zero(CurrencyCode.Usd), failed.AmountPaid);
        Assert.Equal(order.PspTransactionId, failed.PspTransactionId);
        Assert.Equal(new OrderEvent("CAPTURE_FAILED", failed.Events[^1].OccurredAt, "Insufficient funds"), failed.Events[^1]);
    }

    [Fact]
    public async Task CaptureAsync_RetriedAfterTwoFailures_PaysOnceAndKeepsTheFailuresInTheTimeline()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        channel.Traffic.InjectFault(IsOrderReport, "capture-failure=Issuer unavailable");
        order = await channel.Backend.CaptureAsync(order, null, Ct);
        channel.Traffic.InjectFault(IsOrderReport, "capture-failure=Insufficient funds");
        order = await channel.Backend.CaptureAsync(order, null, Ct);

        var paid = await channel.Backend.CaptureAsync(order, null, Ct);
        var again = await channel.Backend.CaptureAsync(paid, null, Ct);

        Assert.Equal(PaymentStatus.Paid, paid.PaymentStatus);
        Assert.Equal(paid.Total, paid.AmountPaid);
        Assert.Null(paid.FailureReason);
        Assert.Equal(["ORDER_CREATED", "PAYMENT_AUTHORIZED", "CAPTURE_FAILED", "CAPTURE_FAILED", "PAYMENT_PAID"], paid.Events.Select(e => e.Name));
        Assert.Equal(["Issuer unavailable", "Insufficient funds"], paid.Events.Where(e => e.Name == "CAPTURE_FAILED").Select(e => e.Detail));
        Assert.Same(paid, again);
        Assert.Equal(3, channel.Traffic.Exchanges.Count(e => e.Method == HttpMethod.Put && e.Path == $"orders/{order.Id}" && e.RequestBody!.Contains("PAID", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CaptureAsync_AfterTheAuthorizationLapsed_IsRefusedNamingTheSetting()
    {
        using var channel = new LivescaleTestBackend(sandbox, o => o.Settings[LivescaleCommerceBackend.AuthorizationLifetimeSetting] = "00:00:00.001");
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        await Task.Delay(20);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.CaptureAsync(order, null, Ct));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Contains("lapsed", error.Message, StringComparison.Ordinal);
        Assert.Contains(LivescaleCommerceBackend.AuthorizationLifetimeSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptureAsync_MerchantRefusesThePaidReport_FailsTheOrder()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        channel.Traffic.InjectFault(IsOrderReport, "decline");

        var failed = await channel.Backend.CaptureAsync(order, null, Ct);

        Assert.Equal(OrderStatus.Failed, failed.Status);
        Assert.Equal(PaymentStatus.Failed, failed.PaymentStatus);
        Assert.NotNull(failed.FailureReason);

        // The merchant failed the order and took its stock back: no capture can follow.
        var refused = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.CaptureAsync(failed, null, Ct));
        Assert.Equal(CommerceErrorCodes.InvalidStep, refused.Code);
        Assert.Contains("pay again from a new cart", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptureAsync_PartialAmount_IsRefusedBeforeAnyCall()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.CaptureAsync(order, Money.Of(1m, "USD"), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task SubmitPayment_MerchantWithoutLivescalePaymentMethod_FailsClearlyBeforeOrdering()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        channel.Traffic.RewriteAnswer((m, p) => p.EndsWith("/payment_methods", StringComparison.Ordinal), """[{"id":"CARD","name":"Card"}]""");

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct));

        Assert.Contains("LIVESCALE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(channel.Traffic.Exchanges, e => e.Path == "orders");
    }

    [Fact]
    public async Task SubmitPayment_PspTokenInsteadOfTransaction_IsRefusedAsInvalidInput()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, "tok_visa", null), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("payment.pspTransactionId", error.Field);
    }

    [Fact]
    public async Task SubmitPayment_StepsMissing_IsRefusedAsInvalidStep()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-steps", CurrencyCode.Usd), Ct);
        cart = await channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Contains("buyer.email", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyDiscountCode_UnknownCoupon_RaisesInvalidDiscountCode()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-coupon", CurrencyCode.Usd), Ct);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.ApplyDiscountCodeAsync(cart, "NOPE", Ct));

        Assert.Equal(CommerceErrorCodes.InvalidDiscountCode, error.Code);
        Assert.Equal("invalid_coupon", error.BackendCode);
    }

    [Fact]
    public async Task AddLines_AfterTheOrderWasPlaced_RaisesConflict()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() => channel.Backend.AddLinesAsync(cart, [new("MUG-WHT", 1)], Ct));

        Assert.Equal("basket_ordered", error.BackendCode);
    }

    [Fact]
    public async Task CreateCart_CurrencyTheStoreDoesNotSell_IsRefused()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.CreateCartAsync(new CartCreation("cart-eur", CurrencyCode.Eur), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCart_WrongClientSecret_RaisesUnavailableNamingTheCredentials()
    {
        using var channel = new LivescaleTestBackend(sandbox, o => o.Credentials["ClientSecret"] = "not-the-secret");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.CreateCartAsync(new CartCreation("cart-creds", CurrencyCode.Usd), Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains("Credentials:ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLines_ServerError_RaisesUnavailableWithoutRetryingThePost()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-503", CurrencyCode.Usd), Ct);
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "status=503");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(channel.Traffic.Exchanges, e => e.Path.EndsWith("/items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetShippingOptions_TransientServerError_IsRetried()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-retry", CurrencyCode.Usd), Ct);
        cart = await channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct);
        cart = await channel.Backend.UpdateAddressesAsync(cart, LivescaleFlow.Address, null, Ct);
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/shipping_methods", StringComparison.Ordinal), "status=503");

        var options = await channel.Backend.GetShippingOptionsAsync(cart, Ct);

        Assert.NotEmpty(options);
        Assert.Equal(2, channel.Traffic.Exchanges.Count(e => e.Path.EndsWith("/shipping_methods", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AddLines_MalformedAnswer_RaisesProtocolError()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-malformed", CurrencyCode.Usd), Ct);
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "malformed");

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct));

        Assert.Equal("(body)", error.Field);
    }

    [Fact]
    public async Task AddLines_AnswerMissingTheTotal_RaisesProtocolErrorNamingTheField()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-shape", CurrencyCode.Usd), Ct);
        channel.Traffic.RewriteAnswer((m, p) => p.EndsWith("/items", StringComparison.Ordinal), """{"id":"b","currency":"USD","items":[],"sub_total":0}""");

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct));

        Assert.Equal("total", error.Field);
    }

    [Fact]
    public async Task AnyCall_SandboxTimeout_RaisesTimeoutWithinTheChannelBound()
    {
        // The cart comes from a channel with default bounds, so a slow first call (JIT, a busy
        // machine) cannot trip the short bounds under test before the fault is injected.
        using var warm = new LivescaleTestBackend(sandbox);
        var cart = await warm.Backend.CreateCartAsync(new CartCreation("cart-timeout", CurrencyCode.Usd), Ct);
        using var channel = new LivescaleTestBackend(sandbox, o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1.5);
        });
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "timeout");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
