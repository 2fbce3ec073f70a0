using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// A refusal of the loyalty API, answered as <c>{"code", "message"}</c> with a 4xx status (plus the
/// order as it stands, when the refusal is about an order's status).
/// </summary>
internal sealed class SpendgoException(int status, string code, string message, JsonObject? order = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public JsonObject? Order { get; } = order;

    public static SpendgoException Invalid(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static SpendgoException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);

    public static SpendgoException Conflict(string code, string message, JsonObject? order = null) => new(StatusCodes.Status409Conflict, code, message, order);

    /// <summary>The reward does not apply to the cart: code starts with <c>reward_</c>.</summary>
    public static SpendgoException Reward(string code, string message) => new(StatusCodes.Status422UnprocessableEntity, code, message);

    public static SpendgoException Unprocessable(string code, string message) => new(StatusCodes.Status422UnprocessableEntity, code, message);
}

/// <summary>Turns <see cref="SpendgoException"/> into the protocol's JSON error answer.</summary>
internal sealed class SpendgoErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SpendgoException e)
        {
            return Error(e.Status, e.Code, e.Message, e.Order);
        }
    }

    public static IResult Error(int status, string code, string message, JsonObject? order = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (order is not null)
        {
            body["order"] = order;
        }

        return TypedResults.Json(body, statusCode: status);
    }
}
