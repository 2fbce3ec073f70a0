using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

public sealed class CheckoutServiceTests : IDisposable
{
    private static readonly ClientContext Alice = new("storefront-alice");
    private static readonly ClientContext Mallory = new("partner-mallory");
    private readonly ChargeLedger _ledger = new();
    private readonly CheckoutHost _host;

    public CheckoutServiceTests() => _host = new CheckoutHost(_ledger);

    private CheckoutServices Checkout => _host.Checkout;

    public void Dispose() => _host.Dispose();

    private async Task<Cart> PayableCartAsync()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 2)], null, default);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        return (await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default)).Value!;
    }

    [Fact]
    public async Task CreateCart_ChannelDefaultCurrency_StartsEmptyWithAnUnguessableId()
    {
        var result = await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default);

        Assert.True(result.Succeeded);
        Assert.Equal(CurrencyCode.Usd, result.Value!.Currency);
        Assert.StartsWith("cart_", result.Value.Id, StringComparison.Ordinal);
        Assert.True(result.Value.Id.Length >= "cart_".Length + 22, "at least 128 random bits");
        Assert.Equal(1, result.Value.Version);
    }

    [Theory]
    [InlineData("nowhere", null, "NOT_FOUND", "channel")]
    [InlineData("shop", "DOLLARS", "INVALID_INPUT", "currency")]
    public async Task CreateCart_BadInput_IsAUserErrorNamingTheField(string channel, string? currency, string code, string field)
    {
        var result = await Checkout.Carts.CreateCartAsync(Alice, channel, currency, default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task GetCart_AnotherClientsCart_IsNotFound()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;

        Assert.Null(await Checkout.Carts.GetCartAsync(Mallory, cart.Id, default));
        var change = await Checkout.Carts.AddLinesAsync(Mallory, cart.Id, [new CartLineInput("tee-m", 1)], null, default);
        Assert.Equal(CheckoutErrorCodes.NotFound, Assert.Single(change.Errors).Code);
        Assert.Empty((await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Lines);
    }

    [Fact]
    public async Task AddLines_InvalidQuantityAndMissingMerchandise_ReportEachFieldWithoutCallingTheBackend()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;

        var result = await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 0), new CartLineInput(" ", 1)], null, default);

        Assert.Equal(["lines[0].quantity", "lines[1].merchandiseId"], result.Errors.Select(e => e.Field));
        Assert.Equal(1, (await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Version);
    }

    [Fact]
    public async Task AddLines_BackendSaysSoldOut_IsAUserErrorAndTheCartIsUnchanged()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;

        var result = await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("sold-out", 1)], null, default);

        Assert.Equal(CommerceErrorCodes.SoldOut, Assert.Single(result.Errors).Code);
        Assert.Empty((await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Lines);
    }

    [Fact]
    public async Task AddLines_StaleExpectedVersion_IsAConflict()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 1)], cart.Version, default);

        var stale = await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-l", 1)], cart.Version, default);

        var error = Assert.Single(stale.Errors);
        Assert.Equal(CommerceErrorCodes.Conflict, error.Code);
        Assert.Equal("expectedVersion", error.Field);
    }

    [Fact]
    public async Task AddLines_TwentyConcurrentChanges_NoneIsLost()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput($"sku-{i}", 1)], null, default)));

        var final = (await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!;
        var succeeded = results.Count(r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CommerceErrorCodes.Conflict, r.Errors[0].Code));
        Assert.Equal(succeeded, final.Lines.Count);
        Assert.True(succeeded >= 1);
        Assert.Equal(1 + succeeded, final.Version);
    }

    [Fact]
    public async Task SubmitPayment_SameKeyTwice_ChargesOnceAndReplaysTheOrder()
    {
        var cart = await PayableCartAsync();

        var first = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);
        var again = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Equal(1, _ledger.Charges);
        Assert.Equal(PaymentStatus.Paid, first.Value!.Status);
        Assert.Equal(first.Value.Order!.Id, again.Value!.Order!.Id);
        Assert.StartsWith("order_", first.Value.Order.Id, StringComparison.Ordinal);
        Assert.Equal(CheckoutStatus.Complete, again.Value.Cart.Checkout.Status);
    }

    [Fact]
    public async Task SubmitPayment_SameKeyDifferentRequest_IsRefused()
    {
        var cart = await PayableCartAsync();
        await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        var other = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_other", null), "key-1", default);

        Assert.Equal(CheckoutErrorCodes.IdempotencyKeyReused, Assert.Single(other.Errors).Code);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_DeclinedThenNewKey_PaysAndKeepsTheCart()
    {
        var cart = await PayableCartAsync();

        var declined = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_decline", null), "key-1", default);
        var replayed = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_decline", null), "key-1", default);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-2", default);

        Assert.Equal(PaymentStatus.Failed, declined.Value!.Status);
        Assert.Equal("Card declined", declined.Value.FailureReason);
        Assert.Equal(new UserError(CommerceErrorCodes.PaymentDeclined, "Card declined", "payment"), Assert.Single(declined.Errors));
        Assert.Equal(CheckoutStatus.PaymentFailed, replayed.Value!.Cart.Checkout.Status);
        Assert.Equal(CommerceErrorCodes.PaymentDeclined, Assert.Single(replayed.Errors).Code);
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Empty(paid.Errors);
        Assert.Equal(2, paid.Value.Cart.Lines[0].Quantity);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_AdapterThrowsItsDecline_IsTheSameFailedResultWithPaymentDeclined()
    {
        var cart = await PayableCartAsync();

        var declined = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_refused", null), "key-1", default);
        var stored = await Checkout.Carts.GetCartAsync(Alice, cart.Id, default);

        Assert.Equal(PaymentStatus.Failed, declined.Value!.Status);
        Assert.Contains("Card refused by the issuer", declined.Value.FailureReason, StringComparison.Ordinal);
        Assert.Equal(CommerceErrorCodes.PaymentDeclined, Assert.Single(declined.Errors).Code);
        Assert.Equal(CheckoutStatus.PaymentFailed, stored!.Checkout.Status);
        Assert.Equal(declined.Value.FailureReason, stored.Checkout.FailureReason);
        Assert.Equal(0, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_DeclinedAfterProcessing_TheCartShowsIt_AndReplayingTheKeyIsPaymentDeclined()
    {
        var cart = await PayableCartAsync();

        var submitted = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_slow_decline", null), "key-1", default);
        var later = await Checkout.Carts.GetCartAsync(Alice, cart.Id, default);
        var replayed = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_slow_decline", null), "key-1", default);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-2", default);

        Assert.Equal(PaymentStatus.Processing, submitted.Value!.Status);
        Assert.Empty(submitted.Errors);
        Assert.Equal(CheckoutStatus.PaymentFailed, later!.Checkout.Status);
        Assert.Equal("Declined after review", later.Checkout.FailureReason);
        Assert.Equal(PaymentStatus.Failed, replayed.Value!.Status);
        Assert.Equal(new UserError(CommerceErrorCodes.PaymentDeclined, "Declined after review", "payment"), Assert.Single(replayed.Errors));
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_AmountOtherThanTheTotal_IsRefused()
    {
        var cart = await PayableCartAsync();

        var result = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null, Amount: Money.Of(1m, "USD")), "key-1", default);

        Assert.Equal("amount", Assert.Single(result.Errors).Field);
        Assert.Equal(0, _ledger.Charges);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("tok", "txn")]
    public async Task SubmitPayment_NotExactlyOnePspReference_IsRefused(string? token, string? transaction)
    {
        var cart = await PayableCartAsync();

        var result = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest(token, transaction), "key-1", default);

        Assert.Equal("payment", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SubmitPayment_Processing_QueryingTheCartShowsTheOutcome()
    {
        var cart = await PayableCartAsync();

        var submitted = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_slow", null), "key-1", default);
        var later = await Checkout.Carts.GetCartAsync(Alice, cart.Id, default);

        Assert.Equal(PaymentStatus.Processing, submitted.Value!.Status);
        Assert.NotNull(submitted.Value.PollAfter);
        Assert.Equal(CheckoutStatus.Complete, later!.Checkout.Status);
        Assert.NotNull(later.OrderId);
        Assert.NotNull(await Checkout.Orders.GetOrderAsync(Alice, later.OrderId, default));
        Assert.Null(await Checkout.Orders.GetOrderAsync(Mallory, later.OrderId, default));
    }

    [Fact]
    public async Task SubmitPayment_EmptyCheckout_IsAnInvalidStep()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;

        var result = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(result.Errors).Code);
    }
}
