using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>The wire format of the Livescale Shopping API: snake_case JSON, nulls omitted.</summary>
internal static class LivescaleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A JSON answer in the protocol's format.</summary>
    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Options, statusCode: statusCode);

    /// <summary>An error answer: <c>{"error": code, "message": message}</c> (the spec defines no error body).</summary>
    public static IResult Error(int statusCode, string error, string message) =>
        TypedResults.Json(new LivescaleError(error, message), Options, statusCode: statusCode);

    /// <summary>Reads a JSON body; a missing or unreadable body is a 400 answer in <paramref name="error"/>.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, bool optional = false)
        where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return optional ? (null, null) : (null, Error(StatusCodes.Status400BadRequest, "invalid_request", "A JSON body is required."));
        }

        try
        {
            buffer.Position = 0;
            var value = JsonSerializer.Deserialize<T>(buffer, Options);
            return value is null && !optional
                ? (null, Error(StatusCodes.Status400BadRequest, "invalid_request", "A JSON body is required."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "invalid_request", $"The body is not valid JSON for this call: {e.Message}"));
        }
    }
}

/// <summary>The sandbox's error body.</summary>
internal sealed record LivescaleError(string Error, string Message);

/// <summary>The spec's Address schema, read and written as is.</summary>
internal sealed record LivescaleAddress(
    string? FirstName,
    string? LastName,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? Country,
    string? CountryCodeAlpha2,
    string? CountryCodeAlpha3,
    string? ProvinceCode,
    string? Zip,
    string? Phone)
{
    /// <summary>The first required field that is missing, or null.</summary>
    public string? MissingField() =>
        string.IsNullOrWhiteSpace(FirstName) ? "first_name"
        : string.IsNullOrWhiteSpace(LastName) ? "last_name"
        : string.IsNullOrWhiteSpace(Address1) ? "address1"
        : string.IsNullOrWhiteSpace(City) ? "city"
        : string.IsNullOrWhiteSpace(Country) ? "country"
        : string.IsNullOrWhiteSpace(Zip) ? "zip"
        : null;
}

/// <summary>The spec's Price schema.</summary>
internal sealed record LivescalePriceDto(decimal Amount, string Currency);

/// <summary>The spec's Item schema (with the item id the spec requires).</summary>
internal sealed record LivescaleItemDto(string Id, string Sku, int Quantity, LivescalePriceDto Price);

/// <summary>The spec's Customer schema.</summary>
internal sealed record LivescaleCustomerDto(string Id, string Email);

/// <summary>The spec's Discount schema.</summary>
internal sealed record LivescaleDiscountDto(
    string Name, string Code, string AppliedOn, string ValueType, decimal Value, decimal DiscountAmount, string DiscountCurrency);

/// <summary>The spec's Basket schema.</summary>
internal sealed record LivescaleBasketDto(
    string Id,
    string Currency,
    LivescaleCustomerDto? Customer,
    IReadOnlyList<LivescaleItemDto> Items,
    LivescaleAddress? ShippingAddress,
    LivescaleAddress? BillingAddress,
    IReadOnlyList<object> GiftCards,
    IReadOnlyList<LivescaleDiscountDto> Discounts,
    string Taxation,
    decimal SubTotal,
    decimal GiftCardsTotal,
    decimal DiscountsTotal,
    decimal ShippingTotal,
    decimal TaxesTotal,
    decimal Total);

/// <summary>The spec's Order schema, plus the stored PSP transaction id and failure reason.</summary>
internal sealed record LivescaleOrderDto(
    string Id,
    string Status,
    string PaymentStatus,
    decimal TotalInvoiced,
    decimal TotalPaid,
    string Currency,
    string BasketId,
    string? PspTransactionId,
    string? Reason);

/// <summary>The body of <c>POST /baskets/{id}/items</c> entries and <c>PUT /baskets/{id}/items/{item_id}</c>.</summary>
internal sealed record LivescaleItemInput(string? Id, int? Quantity);

/// <summary>The body of <c>PUT /baskets/{id}/customer</c>.</summary>
internal sealed record LivescaleCustomerInput(string? Id, string? Email);

/// <summary>A body holding one id (shipping method, payment method).</summary>
internal sealed record LivescaleIdInput(string? Id);

/// <summary>The body of <c>PUT /baskets/{id}/promotion</c>.</summary>
internal sealed record LivescalePromotionInput(string? Coupon);

/// <summary>The body of <c>POST /customers/login</c>.</summary>
internal sealed record LivescaleLoginInput(string? Type);

/// <summary>The body of <c>POST /orders</c>.</summary>
internal sealed record LivescaleOrderInput(string? BasketId);

/// <summary>The body of <c>PUT /orders/{id}</c>: the authorization and capture results.</summary>
internal sealed record LivescaleOrderUpdateInput(
    string? CardType, string? Status, string? PaymentStatus, string? PspName, string? PspTransactionId, string? Reason);
