using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// The answers in the source's shapes, including its mixed types: totals are JSON numbers written
/// with a decimal ("200.0"), the payment amount is a string ("200.0"), transaction ids, tracking
/// numbers and the card's customer id are numbers.
/// </summary>
internal static class OrderFlowResponses
{
    // Unescaped '+' keeps timestamps as the source writes them ("2023-10-12T07:05:27-04:00").
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonObject body) => body.ToJsonString(Writer);

    public static JsonObject Cart(OrderFlowOrder order) => new()
    {
        ["orderId"] = order.Id,
        ["tax"] = Number(order.Tax),
        ["subTotalAmount"] = Number(order.Subtotal),
        ["totalAmount"] = Number(order.Total),
        ["items"] = new JsonArray([.. order.Items.Select(i => (JsonNode)new JsonObject
        {
            ["productId"] = i.ProductId,
            ["quantity"] = i.Quantity,
            ["price"] = i.Price,
        })]),
        ["status"] = "pending",
    };

    public static JsonObject Invoice(OrderFlowInvoice invoice) => new()
    {
        ["invoiceId"] = invoice.Id,
        ["orderId"] = invoice.OrderId,
        ["customerId"] = invoice.CustomerId,
        ["totalAmount"] = Number(invoice.Total),
    };

    /// <summary>
    /// The payment answer. With <paramref name="unquotedCompletedAt"/> it is the source's example
    /// verbatim in shape, <c>completed_at</c> unquoted, which is not valid JSON.
    /// </summary>
    public static string Payment(OrderFlowPayment payment, string customerId, bool unquotedCompletedAt)
    {
        var customer = CustomerNumber(customerId);
        var body = new JsonObject
        {
            ["transactionId"] = payment.TransactionId,
            ["credit_card"] = new JsonObject
            {
                ["first_name"] = payment.FirstName,
                ["last_name"] = payment.LastName,
                ["first_digits"] = "424242",
                ["last_digits"] = "4242",
                ["brand"] = "visa",
                ["expiry_month"] = 9,
                ["expiry_year"] = payment.CreatedAt.Year + 2,
                ["customer_id"] = customer.DeepClone(),
            },
            ["payment"] = new JsonObject
            {
                ["completed_at"] = Timestamp(payment.CompletedAt),
                ["created_at"] = Timestamp(payment.CreatedAt),
                ["currency"] = payment.Currency,
                ["customer_id"] = customer.DeepClone(),
                ["amount"] = Number(payment.Amount).ToString(CultureInfo.InvariantCulture),
            },
        };
        var json = Write(body);
        if (!unquotedCompletedAt)
        {
            return json;
        }

        var quoted = $"\"completed_at\":\"{Timestamp(payment.CompletedAt)}\"";
        return json.Replace(quoted, $"\"completed_at\":{Timestamp(payment.CompletedAt)}", StringComparison.Ordinal);
    }

    public static JsonObject Shipping(long trackingNumber) => new() { ["tracking_number"] = trackingNumber };

    public static JsonObject EmailSent() => new() { ["status"] = "OK" };

    public static JsonObject Error(string error, string message) => new() { ["error"] = error, ["message"] = message };

    // "200.0", "19.99": at least one decimal, as in the source's examples.
    private static decimal Number(decimal amount) =>
        decimal.Parse(amount.ToString("0.0#", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // The source writes the card's customer_id as a number (8080) though requests send "8080".
    private static JsonValue CustomerNumber(string customerId) =>
        long.TryParse(customerId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(customerId);
}
