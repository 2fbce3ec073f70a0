using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.OrderFlow;

/// <summary>The OrderFlow sandbox as the source documents it: totals with tax, masked card digits, tracking numbers, email.</summary>
public sealed partial class OrderFlowPipelineTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task Cart_SourceExample_TotalsIncludeTaxWrittenAsTheSourceWritesThem()
    {
        using var api = new OrderFlowApi(sandbox);

        var (status, text) = await api.PostAsync("api/order/cart.json", $$"""{"customerId":"8080","items":{{OrderFlowApi.ExampleItems}}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("\"tax\":36.0,\"subTotalAmount\":164.0,\"totalAmount\":200.0", text, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"pending\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cart_IdsAndAmountsAsStrings_AreReadExactly()
    {
        using var api = new OrderFlowApi(sandbox);

        var (status, cart) = await api.PostJsonAsync("api/order/cart.json", """{"customerId":8080,"items":[{"productId":3456,"quantity":"3","price":"19.99"}]}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(59.97m, cart.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(cart.GetProperty("totalAmount").GetDecimal(), cart.GetProperty("tax").GetDecimal() + cart.GetProperty("subTotalAmount").GetDecimal());
    }

    [Fact]
    public async Task Payment_Answer_CarriesOnlyMaskedCardDigits()
    {
        using var api = new OrderFlowApi(sandbox);
        var (_, invoiceId) = await api.InvoicedExampleAsync("8080");

        var (status, text) = await api.PostAsync("api/order/payment.json", $$"""{"customerId":"8080","invoiceId":"{{invoiceId}}","totalAmount":"200.0"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        using var answer = JsonDocument.Parse(text);
        var card = answer.RootElement.GetProperty("credit_card");
        Assert.Equal(
            ["first_name", "last_name", "first_digits", "last_digits", "brand", "expiry_month", "expiry_year", "customer_id"],
            card.EnumerateObject().Select(p => p.Name));
        Assert.Equal("424242", card.GetProperty("first_digits").GetString());
        Assert.Equal("4242", card.GetProperty("last_digits").GetString());
        Assert.DoesNotMatch(LongDigitRun(), text);
        Assert.Equal("200.0", answer.RootElement.GetProperty("payment").GetProperty("amount").GetString());
        Assert.Equal(8080, card.GetProperty("customer_id").GetInt64());
    }

    [Fact]
    public async Task Shipping_PaidOrder_AnswersANumericTrackingNumberAndTheSameOneAgain()
    {
        using var api = new OrderFlowApi(sandbox);
        var orderId = await api.PaidExampleAsync("9090");
        var shipping = $$"""{"orderId":"{{orderId}}","name":"Lital Hay","phone":"0545870006","shipping_address":"17 boulevard, 123 apt 6 Brooklyn NY"}""";

        var (first, shipped) = await api.PostJsonAsync("api/order/shipping.json", shipping);
        var (second, again) = await api.PostJsonAsync("api/order/shipping.json", shipping);

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(JsonValueKind.Number, shipped.GetProperty("tracking_number").ValueKind);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(shipped.GetProperty("tracking_number").GetInt64(), again.GetProperty("tracking_number").GetInt64());
    }

    [Fact]
    public async Task Shipping_UnpaidOrder_IsRefused()
    {
        using var api = new OrderFlowApi(sandbox);
        var (orderId, _) = await api.InvoicedExampleAsync("7070");

        var (status, body) = await api.PostJsonAsync("api/order/shipping.json", $$"""{"orderId":"{{orderId}}","name":"Lital Hay","shipping_address":"17 boulevard"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("order_not_paid", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Email_OnItsOwnPath_AnswersOk()
    {
        using var api = new OrderFlowApi(sandbox);

        var (status, body) = await api.PostJsonAsync("api/order/email.json", """{"event":"OrderShipped","name":"Lital Hay","email":"lital@example.test"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("OK", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Email_AtTheShippingPathAsTheSourceDocumentsIt_IsRefusedAsAShippingRequest()
    {
        using var api = new OrderFlowApi(sandbox);

        var (status, body) = await api.PostJsonAsync("api/order/shipping.json", """{"event":"OrderShipped","name":"Lital Hay","email":"lital@example.test"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'shipping_address' is required.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Payment_UnquotedCompletedAtQuirk_AnswersTheSourcesInvalidJson()
    {
        using var api = new OrderFlowApi(sandbox);
        var (_, invoiceId) = await api.InvoicedExampleAsync("6060");

        var (status, text) = await api.PostAsync(
            "api/order/payment.json", $$"""{"customerId":"6060","invoiceId":"{{invoiceId}}","totalAmount":200}""", ("X-OrderFlow-Quirk", "unquoted-completed-at"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Matches("\"completed_at\":[0-9]{4}-", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"cart\"")]
    public async Task Cart_BodyNotAnObject_IsRefusedAsInvalidRequest(string json)
    {
        using var api = new OrderFlowApi(sandbox);

        var (status, body) = await api.PostJsonAsync("api/order/cart.json", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
    }

    // A full card number has 13 to 19 digits; the answer must hold no run that long.
    [GeneratedRegex("[0-9]{13,}")]
    private static partial Regex LongDigitRun();
}
