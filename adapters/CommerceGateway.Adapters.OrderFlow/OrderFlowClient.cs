using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>
/// The OrderFlowAPI calls, written from the protocol facts: five POSTs under <c>api/order/</c>. Reads
/// amounts exactly whether they come as numbers or strings, and turns error answers into typed
/// exceptions that keep the backend's code and message.
/// </summary>
internal sealed class OrderFlowClient(Channel channel, HttpClient http)
{
    private string Name => channel.Name;

    public async Task<CartAnswer> PutCartAsync(string customerId, string? orderId, IReadOnlyList<CartLine> lines, CurrencyCode currency, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["customerId"] = customerId,
            ["items"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject
            {
                ["productId"] = l.MerchandiseId,
                ["quantity"] = l.Quantity,
                ["price"] = l.UnitPrice.Amount,
            })]),
        };
        if (orderId is not null)
        {
            body["orderId"] = orderId;
        }

        // Replacing the cart's contents is idempotent, but creating it (no order id yet) is not.
        using var response = await SendAsync("api/order/cart.json", body, "UpdateCart", safeToRetry: orderId is not null, cancellationToken);
        using var doc = await ReadSuccessAsync(response, cancellationToken);
        var root = doc.Root(Name);
        return new CartAnswer(
            root.Required("orderId").AsText(),
            root.Required("tax").AsMoney(currency),
            root.Required("subTotalAmount").AsMoney(currency),
            root.Required("totalAmount").AsMoney(currency));
    }

    public async Task<InvoiceAnswer> CreateInvoiceAsync(InvoiceRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["customerId"] = request.CustomerId,
            ["orderId"] = request.OrderId,
            ["tax"] = request.Cart.Totals.Taxes.Amount,
            ["subTotalAmount"] = request.Cart.Totals.Subtotal.Amount,
            ["totalAmount"] = request.Cart.Totals.Total.Amount,
            ["currency"] = request.Cart.Currency.Code,
            ["items"] = new JsonArray([.. request.Cart.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["productId"] = l.MerchandiseId,
                ["quantity"] = l.Quantity,
                ["price"] = l.UnitPrice.Amount,
            })]),
            ["name"] = request.Recipient.Name,
            ["phone"] = request.Recipient.Phone,
            ["shipping_address"] = request.Recipient.Address,
        };

        // The backend keeps one open invoice per order and returns it again for the same totals.
        using var response = await SendAsync("api/order/invoice.json", body, "CreateInvoice", safeToRetry: true, cancellationToken);
        using var doc = await ReadSuccessAsync(response, cancellationToken);
        var root = doc.Root(Name);
        var answeredOrder = root.Required("orderId").AsText();
        if (answeredOrder != request.OrderId)
        {
            throw root.Required("orderId").Problem($"expected order {request.OrderId}, found {answeredOrder}");
        }

        return new InvoiceAnswer(root.Required("invoiceId").AsText(), root.Required("totalAmount").AsMoney(request.Cart.Currency), response.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>Bills the invoice; a refusal (decline, failed capture) is returned, not thrown. Never retried: it moves money.</summary>
    public async Task<(PaymentAnswer? Paid, PaymentRefusal? Refused)> PayAsync(string customerId, string invoiceId, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["customerId"] = customerId,
            ["invoiceId"] = invoiceId,
            ["totalAmount"] = payment.Amount.Amount,
        };
        if (payment.PspToken is { } token)
        {
            body["paymentToken"] = token;
        }
        else
        {
            body["pspTransactionId"] = payment.PspTransactionId;
        }

        if (payment.PspName is { } psp)
        {
            body["psp"] = psp;
        }

        using var response = await SendAsync("api/order/payment.json", body, "SubmitPayment", safeToRetry: false, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PaymentRequired)
        {
            var (code, message) = await ReadErrorAsync(response, cancellationToken);
            return (null, new PaymentRefusal(code, message));
        }

        using var doc = await ReadSuccessAsync(response, cancellationToken);
        var root = doc.Root(Name);
        var details = root.Required("payment");
        var currency = details.Required("currency").AsCurrency();
        if (currency != payment.Amount.Currency)
        {
            throw details.Required("currency").Problem($"expected {payment.Amount.Currency}, found {currency}");
        }

        return (new PaymentAnswer(root.Required("transactionId").AsText(), details.Required("amount").AsMoney(currency), details.Required("completed_at").AsDateTime()), null);
    }

    /// <summary>Ships a paid order; the backend answers the same tracking number again, so it is safe to repeat.</summary>
    public async Task<string> ShipAsync(string orderId, Recipient recipient, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["orderId"] = orderId,
            ["name"] = recipient.Name,
            ["phone"] = recipient.Phone,
            ["shipping_address"] = recipient.Address,
        };
        using var response = await SendAsync("api/order/shipping.json", body, "Ship", safeToRetry: true, cancellationToken);
        using var doc = await ReadSuccessAsync(response, cancellationToken);
        return doc.Root(Name).Required("tracking_number").AsText();
    }

    /// <summary>
    /// Sends a notification. The source documents this call at the shipping path, a copy-paste
    /// defect; the email service lives at <c>api/order/email.json</c>.
    /// </summary>
    public async Task SendEmailAsync(string eventName, string name, string email, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["event"] = eventName, ["name"] = name, ["email"] = email };
        using var response = await SendAsync("api/order/email.json", body, "SendEmail", safeToRetry: false, cancellationToken);
        using var doc = await ReadSuccessAsync(response, cancellationToken);
        var status = doc.Root(Name).Required("status");
        if (!string.Equals(status.AsString(), "OK", StringComparison.OrdinalIgnoreCase))
        {
            throw status.Problem($"expected \"OK\", found \"{status.AsString()}\"");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, JsonObject body, string operation, bool safeToRetry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.ForOperation(operation).SafeToRetry(safeToRetry);
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<JsonDocument> ReadSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.ThrowIfServerError(Name);
        if (response.IsSuccessStatusCode)
        {
            return await response.ReadDocumentAsync(Name, cancellationToken);
        }

        var (code, message) = await ReadErrorAsync(response, cancellationToken);
        throw OrderFlowErrors.FromBackend(Name, (int)response.StatusCode, code, message);
    }

    private async Task<(string Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var doc = await response.ReadDocumentAsync(Name, cancellationToken);
        var root = doc.Root(Name);
        var code = root.Required("error").AsText();
        return (code, root.Optional("message")?.AsText() ?? code);
    }

    /// <summary>Who and where to ship to, formatted as the backend wants it (one address line).</summary>
    internal sealed record Recipient(string Name, string? Phone, string Address);

    /// <summary>Everything the invoice call needs.</summary>
    internal sealed record InvoiceRequest(string CustomerId, string OrderId, Cart Cart, Recipient Recipient);
}
