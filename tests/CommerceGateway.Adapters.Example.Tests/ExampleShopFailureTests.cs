using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>The shop's refusals and faults, over HTTP against the sandbox, become the SDK's typed errors.</summary>
public sealed class ExampleShopFailureTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    private Uri ShopUrl => sandbox.ProtocolUrl("example");

    [Fact]
    public async Task AddLines_SoldOutSku_RaisesSoldOutKeepingTheShopsCode()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var cart = await backend.CreateCartAsync(new CartCreation("cart-sold-out", Eur), CancellationToken.None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => backend.AddLinesAsync(cart, [new CartLineInput("POSTER", 1)], CancellationToken.None));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
        Assert.Equal("sold_out", error.BackendCode);
        Assert.Equal("merchandiseId", error.Field);
        Assert.False(error.IsFault);
    }

    [Fact]
    public async Task AnyCall_WrongApiKey_RaisesUnavailableNamingTheCredentialKey()
    {
        using var services = ExampleTestChannel.Build(ShopUrl, ExampleTestChannel.Options(apiKey: "not-the-key"));

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(
            () => services.Backend().CreateCartAsync(new CartCreation("cart-bad-key", Eur), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Channels:shop:Credentials:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCart_ServerError_IsNotRetriedAndRaisesUnavailable()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        await sandbox.SetFaultAsync("example", new FaultSpec { Status = 503, Times = 1 });

        // Creating a cart is not idempotent, so the one 503 is final rather than retried away.
        var error = await Assert.ThrowsAsync<BackendUnavailableException>(
            () => services.Backend().CreateCartAsync(new CartCreation("cart-503", Eur), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.True(error.IsFault);
    }

    [Fact]
    public async Task GetOrder_OneServerError_IsRetriedAndSucceeds()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var order = await PlaceOrderAsync(backend, "cart-retry");
        await sandbox.SetFaultAsync("example", new FaultSpec { Status = 503, Times = 1 });

        // A GET is safe to repeat, so the pipeline retries past the one 503.
        var reread = await backend.GetOrderAsync(order, CancellationToken.None);

        Assert.Equal(order.Id, reread.Id);
        Assert.Equal(PaymentStatus.Authorized, reread.PaymentStatus);
    }

    [Fact]
    public async Task CreateCart_MalformedBody_RaisesProtocolErrorNamingTheBody()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        await sandbox.SetFaultAsync("example", new FaultSpec { Malformed = true, Times = 1 });

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => services.Backend().CreateCartAsync(new CartCreation("cart-malformed", Eur), CancellationToken.None));

        Assert.Equal("(body)", error.Field);
        Assert.Equal(CommerceErrorCodes.BackendProtocolError, error.Code);
    }

    [Fact]
    public async Task Capture_ShopRefuses_RaisesCaptureFailedWithTheShopsReason()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var order = await PlaceOrderAsync(backend, "cart-capture-fails");
        await sandbox.SetFaultAsync("example", new FaultSpec { CaptureFailure = "Authorization expired", Times = 1 });

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => backend.CaptureAsync(order, null, CancellationToken.None));

        Assert.Equal(CommerceErrorCodes.CaptureFailed, error.Code);
        Assert.Equal("capture_failed", error.BackendCode);
        Assert.Contains("Authorization expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitPayment_BeforeTheEmail_IsRefusedAsInvalidStepWithoutCallingTheShop()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var cart = await backend.CreateCartAsync(new CartCreation("cart-no-email", Eur), CancellationToken.None);
        cart = await backend.AddLinesAsync(cart, [new CartLineInput("MUG", 1)], CancellationToken.None);
        cart = await backend.BeginCheckoutAsync(cart, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(
            () => backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, "tok_visa", null), CancellationToken.None));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Equal("buyer.email", error.Field);
    }

    private static async Task<Order> PlaceOrderAsync(CommerceBackend backend, string cartId)
    {
        var cart = await backend.CreateCartAsync(new CartCreation(cartId, Eur), CancellationToken.None);
        cart = await backend.AddLinesAsync(cart, [new CartLineInput("MUG", 2)], CancellationToken.None);
        cart = await backend.UpdateBuyerAsync(cart, new Buyer("buyer@example.test"), CancellationToken.None);
        cart = await backend.BeginCheckoutAsync(cart, CancellationToken.None);
        var outcome = await backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, "tok_visa", null), CancellationToken.None);
        return outcome.Order!;
    }
}
