using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>
/// The sandbox cannot drift from the official spec: every answer the flow tests see is checked
/// against the response schemas of livescale-shopping-api.yml as it happens (LivescaleTraffic
/// fails the call on a violation), and this class runs one flow that reaches every operation.
/// </summary>
public sealed class LivescaleSpecSchemaTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    [Fact]
    public async Task SandboxAnswers_FlowReachingEveryOperation_MatchTheSpecSchemas()
    {
        using var channel = new LivescaleTestBackend(sandbox, traffic: new LivescaleTraffic { FailOnViolation = false });
        var backend = channel.Backend;

        await backend.GetProductsAsync(new CatalogQuery(Limit: 5), Ct);
        var cart = await backend.CreateCartAsync(new CartCreation("cart-spec", CurrencyCode.Usd), Ct);
        cart = await backend.AddLinesAsync(cart, [new("TEE-BLK-M", 1), new("MUG-WHT", 1)], Ct);
        cart = await backend.UpdateLinesAsync(cart, [new CartLineUpdate(cart.Lines[0].Id, 3)], Ct);
        cart = await backend.RemoveLinesAsync(cart, [cart.Lines[1].Id], Ct);
        cart = await backend.ApplyDiscountCodeAsync(cart, "FIVEOFF", Ct);
        cart = await backend.ApplyDiscountCodeAsync(cart, "WELCOME10", Ct);
        cart = await backend.RemoveDiscountCodeAsync(cart, "FIVEOFF", Ct);
        cart = await backend.UpdateBuyerAsync(cart, LivescaleFlow.Buyer, Ct);
        cart = await backend.BeginCheckoutAsync(cart, Ct);
        cart = await backend.UpdateAddressesAsync(cart, LivescaleFlow.Address, LivescaleFlow.Address, Ct);
        cart = await backend.SelectShippingOptionAsync(cart, "express", Ct);
        var order = (await backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        await backend.CaptureAsync(order, null, Ct);

        Assert.Empty(channel.Traffic.Violations);
        var reached = channel.Traffic.Exchanges
            .Where(e => e.Status is >= 200 and < 300)
            .Select(e => LivescaleSpec.Instance.OperationOf(e.Method, e.Path))
            .OfType<string>()
            .ToHashSet();
        Assert.Subset(reached, LivescaleSpec.Instance.Operations.ToHashSet());
        Assert.Equal(20, LivescaleSpec.Instance.Operations.Count);
    }

    [Fact]
    public void Check_OrderWithoutTotalPaid_ReportsTheMissingProperty()
    {
        var violations = LivescaleSpec.Instance.Check(HttpMethod.Put, "orders/ord_1", 201, """{"id":"ord_1","status":"NEW","payment_status":"PAID","total_invoiced":10}""");

        Assert.Contains(violations, v => v.Contains("total_paid", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ProductWithoutVariants_IsAViolation()
    {
        var violations = LivescaleSpec.Instance.Check(HttpMethod.Get, "catalogs/c/categories/k/products", 200, """[{"id":"p","name":"P","image":"i","variants":[]}]""");

        Assert.NotEmpty(violations);
    }

    [Fact]
    public void Check_PriceAsText_IsAViolation()
    {
        var basket = """{"id":"b","currency":"USD","items":[{"id":"i","sku":"S","quantity":1,"price":{"amount":"9.99","currency":"USD"}}]}""";

        Assert.NotEmpty(LivescaleSpec.Instance.Check(HttpMethod.Post, "baskets/b/items", 200, basket));
        Assert.Empty(LivescaleSpec.Instance.Check(HttpMethod.Post, "baskets/b/items", 200, basket.Replace("\"9.99\"", "9.99", StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_SuccessStatusTheSpecDoesNotDeclare_IsAViolation()
    {
        var order = """{"id":"o","status":"NEW","payment_status":"PAID","total_invoiced":1,"total_paid":1}""";

        Assert.NotEmpty(LivescaleSpec.Instance.Check(HttpMethod.Put, "orders/o", 200, order));
        Assert.Empty(LivescaleSpec.Instance.Check(HttpMethod.Put, "orders/o", 201, order));
    }
}
