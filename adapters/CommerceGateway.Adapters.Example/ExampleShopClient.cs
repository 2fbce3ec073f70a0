using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommerceGateway.Adapters.Example;

/// <summary>
/// The ExampleShop calls, written from the protocol description (never from the sandbox's code, so
/// a misreading on either side shows up as a failing test). Each method sends one request and
/// returns the answer's JSON for <see cref="ExampleShopReader"/>; the caller disposes it.
/// </summary>
/// <remarks>
/// Every request is marked with the unified operation it serves (for the SDK's logs and metrics)
/// and, when the protocol makes it idempotent, as safe to retry. GET is safe by default; PUT and
/// DELETE of a line are safe because they set a state rather than add to it; POSTs that move money
/// (checkout, capture, refund) are never marked.
/// </remarks>
internal sealed class ExampleShopClient(Channel channel, HttpClient http)
{
    private const string ApiKeyHeader = "X-Api-Key";

    // Read on every request rather than cached in a field: credentials are immutable per channel,
    // and this keeps the secret in one place. It is sent as a header, never logged (the SDK logs paths only).
    private string ApiKey => channel.Credentials.Require(ExampleShopBackend.ApiKeyCredential);

    /// <summary>Creating a cart is not idempotent (a retry would create a second one), so it is not retried.</summary>
    public Task<JsonDocument> CreateCartAsync(CurrencyCode currency, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "carts", new JsonObject { ["currency"] = currency.Code }, "CreateCart", safeToRetry: false, cancellationToken);

    public Task<JsonDocument> SetLineAsync(string shopCartId, string sku, int quantity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"carts/{Escape(shopCartId)}/lines/{Escape(sku)}", new JsonObject { ["quantity"] = quantity }, "SetLine", safeToRetry: true, cancellationToken);

    public Task<JsonDocument> RemoveLineAsync(string shopCartId, string sku, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"carts/{Escape(shopCartId)}/lines/{Escape(sku)}", body: null, "RemoveLine", safeToRetry: true, cancellationToken);

    public Task<JsonDocument> SetEmailAsync(string shopCartId, string email, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"carts/{Escape(shopCartId)}/customer", new JsonObject { ["email"] = email }, "UpdateBuyer", safeToRetry: true, cancellationToken);

    /// <summary>Sets the cart's discount, or removes it when <paramref name="amount"/> is null; both set a state, so both are safe to retry.</summary>
    public Task<JsonDocument> SetDiscountAsync(string shopCartId, Money? amount, CancellationToken cancellationToken) =>
        amount is { } a
            ? SendAsync(HttpMethod.Put, $"carts/{Escape(shopCartId)}/discount", new JsonObject { ["amount"] = Amount(a) }, "ApplyLoyaltyDiscount", safeToRetry: true, cancellationToken)
            : SendAsync(HttpMethod.Delete, $"carts/{Escape(shopCartId)}/discount", body: null, "ApplyLoyaltyDiscount", safeToRetry: true, cancellationToken);

    /// <summary>Authorizes the token and creates the order. A decline (402) is returned as its reason, not thrown.</summary>
    public async Task<(JsonDocument? Order, string? DeclineReason)> CheckoutAsync(string shopCartId, Money amount, string paymentToken, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["amount"] = Amount(amount), ["paymentToken"] = paymentToken };
        try
        {
            return (await SendAsync(HttpMethod.Post, $"carts/{Escape(shopCartId)}/checkout", body, "SubmitPayment", safeToRetry: false, cancellationToken), null);
        }
        catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.PaymentDeclined)
        {
            return (null, e.BackendMessage ?? e.Message);
        }
    }

    public Task<JsonDocument> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"orders/{Escape(orderId)}", body: null, "GetOrder", safeToRetry: true, cancellationToken);

    public Task<JsonDocument> CaptureAsync(string orderId, Money? amount, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"orders/{Escape(orderId)}/capture", amount is { } a ? new JsonObject { ["amount"] = Amount(a) } : new JsonObject(), "Capture", safeToRetry: false, cancellationToken);

    public Task<JsonDocument> RefundAsync(string orderId, Money amount, string? reason, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"orders/{Escape(orderId)}/refunds", new JsonObject { ["amount"] = Amount(amount), ["reason"] = reason }, "Refund", safeToRetry: false, cancellationToken);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonObject? body, string operation, bool safeToRetry, CancellationToken cancellationToken)
    {
        // Relative paths resolve against the channel's base URL (which the SDK ends with '/').
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.ForOperation(operation).SafeToRetry(safeToRetry);
        using var response = await http.SendAsync(request, cancellationToken);

        // 5xx is a fault (BackendUnavailable); the pipeline has already retried it when that was safe.
        response.ThrowIfServerError(channel.Name);
        if (response.IsSuccessStatusCode)
        {
            return await response.ReadDocumentAsync(channel.Name, cancellationToken);
        }

        throw await ErrorAsync(response, cancellationToken);
    }

    /// <summary>Reads the shop's <c>{"error": {"code", "message"}}</c> answer and maps it to a typed error.</summary>
    private async Task<CommerceException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var doc = await response.ReadDocumentAsync(channel.Name, cancellationToken);
        var error = doc.Root(channel.Name).Required("error");
        var code = error.Required("code").AsString();
        var message = error.Optional("message")?.AsString() ?? code;
        return response.StatusCode == HttpStatusCode.Unauthorized
            ? new BackendUnavailableException(channel.Name, $"The {channel.Name} backend refused the API key; check Channels:{channel.Name}:Credentials:{ExampleShopBackend.ApiKeyCredential}.", (int)response.StatusCode)
            : ExampleShopErrors.FromBackend(channel.Name, (int)response.StatusCode, code, message);
    }

    // The protocol sends amounts as decimal strings with the currency's minor units ("40.00").
    private static string Amount(Money money) => money.Round().Amount.ToString("F" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
