using System.Net;
using System.Text;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.OrderFlow;

/// <summary>A raw HTTP client of the sandbox's OrderFlow pipeline (no authentication, as the source has none).</summary>
internal sealed class OrderFlowApi(SandboxServer sandbox) : IDisposable
{
    /// <summary>The source's example cart: 2 x 1234 at 50 and 1 x 2345 at 100.</summary>
    public const string ExampleItems = """[{"productId":"1234","quantity":2,"price":50},{"productId":"2345","quantity":1,"price":100}]""";

    private readonly HttpClient _http = new() { BaseAddress = sandbox.ProtocolUrl("orderflow") };

    /// <summary>Posts a JSON body; returns the status and the body as text (it may not be valid JSON).</summary>
    public async Task<(HttpStatusCode Status, string Text)> PostAsync(string path, string json, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts and parses the answer, which must be valid JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, string json)
    {
        var (status, text) = await PostAsync(path, json);
        return (status, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The source's example cart, invoiced; returns the order and invoice ids.</summary>
    public async Task<(string OrderId, string InvoiceId)> InvoicedExampleAsync(string customerId)
    {
        var (_, cart) = await PostJsonAsync("api/order/cart.json", $$"""{"customerId":"{{customerId}}","items":{{ExampleItems}}}""");
        var orderId = cart.GetProperty("orderId").GetString()!;
        var (status, invoice) = await PostJsonAsync("api/order/invoice.json", $$"""
            {"customerId":"{{customerId}}","orderId":"{{orderId}}","tax":36.0,"subTotalAmount":164.0,"totalAmount":200.0,"currency":"USD",
             "name":"Lital Hay","phone":"0545870006","shipping_address":"17 boulevard, 123 apt 6 Brooklyn NY"}
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        return (orderId, invoice.GetProperty("invoiceId").GetString()!);
    }

    /// <summary>The source's example cart, invoiced and paid; returns the order id.</summary>
    public async Task<string> PaidExampleAsync(string customerId)
    {
        var (orderId, invoiceId) = await InvoicedExampleAsync(customerId);
        var (status, _) = await PostAsync("api/order/payment.json", $$"""{"customerId":"{{customerId}}","invoiceId":"{{invoiceId}}","totalAmount":200.0}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return orderId;
    }

    public void Dispose() => _http.Dispose();
}
