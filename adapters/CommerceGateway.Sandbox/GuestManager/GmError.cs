using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>One invalid attribute of a 422 validation error.</summary>
internal sealed record GmInvalidAttribute(string Field, string Code, string Message);

/// <summary>
/// A protocol error: rendered as <c>{type, message, detail}</c>, or for validation as
/// <c>{type: "validation_error", message, errors: {attributes: [{field, code, message}]}}</c>.
/// </summary>
internal sealed class GmError : Exception
{
    private GmError(int status, string type, string message, JsonObject? detail, IReadOnlyList<GmInvalidAttribute>? attributes)
        : base(message)
    {
        Status = status;
        Type = type;
        Detail = detail;
        Attributes = attributes;
    }

    public int Status { get; }

    public string Type { get; }

    public JsonObject? Detail { get; }

    public IReadOnlyList<GmInvalidAttribute>? Attributes { get; }

    public static GmError NotFound(string what) => new(404, "not_found", $"{what} was not found.", null, null);

    public static GmError BadRequest(string message) => new(400, "bad_request", message, null, null);

    public static GmError CheckoutNotAllowed(GmOrder order, string message) => new(422, "checkout_not_allowed", message, StateDetail(order), null);

    public static GmError OrderProcessing(GmOrder order) =>
        new(409, "order_processing", "The order's payment is processing; poll the order until its state changes.", StateDetail(order), null);

    public static GmError OrderComplete(GmOrder order) => new(409, "order_complete", "The order is already complete.", StateDetail(order), null);

    public static GmError InvalidState(GmOrder order, string? requested) =>
        new(422, "invalid_state", $"The order is in the '{order.State}' state; '{requested ?? "(none)"}' cannot be submitted now.", StateDetail(order), null);

    public static GmError CannotModify(GmOrder order) =>
        new(422, "cannot_modify", $"The order cannot be modified in the '{order.State}' state.", StateDetail(order), null);

    public static GmError SoldOut(IEnumerable<long> variantIds) =>
        new(422, "sold_out", "Some items are sold out.", new JsonObject { ["variant_ids"] = Ids(variantIds) }, null);

    public static GmError OffSale(IEnumerable<long> variantIds) =>
        new(422, "off_sale", "Some items are not on sale.", new JsonObject { ["variant_ids"] = Ids(variantIds) }, null);

    public static GmError Validation(IReadOnlyList<GmInvalidAttribute> attributes) => new(422, "validation_error", "Validation failed.", null, attributes);

    public static GmError Validation(string field, string code, string message) => Validation([new GmInvalidAttribute(field, code, message)]);

    public IResult ToResult()
    {
        var body = new JsonObject { ["type"] = Type, ["message"] = Message };
        if (Attributes is not null)
        {
            body["errors"] = new JsonObject
            {
                ["attributes"] = new JsonArray([.. Attributes.Select(a => (JsonNode)new JsonObject { ["field"] = a.Field, ["code"] = a.Code, ["message"] = a.Message })]),
            };
        }
        else
        {
            body["detail"] = Detail;
        }

        return TypedResults.Json(body, statusCode: Status);
    }

    private static JsonObject StateDetail(GmOrder order) => new() { ["state"] = order.State, ["expires_at"] = GuestManagerJson.Time(order.ExpiresAt) };

    private static JsonArray Ids(IEnumerable<long> ids) => new([.. ids.Distinct().Select(id => (JsonNode)JsonValue.Create(id))]);
}
