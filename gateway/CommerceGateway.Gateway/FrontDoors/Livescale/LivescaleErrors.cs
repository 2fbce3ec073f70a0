using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.Gateway.Operations.Outages;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// The error model: the spec defines no error body, so errors are <c>{"error": code, "message": text}</c>
/// with a 4xx or 5xx status, the shape the Livescale sandbox answers and the Livescale adapter reads.
/// Codes are the checkout core's, in lower case (<c>not_supported</c>, <c>sold_out</c>, ...).
/// </summary>
internal static class LivescaleErrors
{
    public static IResult Error(int status, string error, string message) =>
        LivescaleJson.Ok(new LivescaleError(error, message), status);

    /// <summary>The first user error of a refused checkout call.</summary>
    public static IResult From(IReadOnlyList<UserError> errors)
    {
        var first = errors[0];
        return Error(StatusOf(first.Code), first.Code.ToLowerInvariant(), first.Message);
    }

    /// <summary>A channel that lacks what the operation needs: the message names both.</summary>
    public static IResult NotSupported(Channel channel, ChannelCapabilities capability, string operation) =>
        Error(StatusCodes.Status422UnprocessableEntity, "not_supported", $"Channel '{channel.Name}' does not support {operation}: it lacks the {capability} capability.");

    /// <summary>The state store is down: 503 with the outage's Retry-After, as every entry point answers it.</summary>
    public static IResult StateStoreUnavailable(HttpContext http) => Unavailable(http, Outage.StateStore);

    /// <summary>A dependency is down: 503 with its Retry-After and its code in lower case.</summary>
    public static IResult Unavailable(HttpContext http, Outage outage)
    {
        http.Response.Headers.RetryAfter = outage.RetryAfterHeader;
        return Error(StatusCodes.Status503ServiceUnavailable, outage.Code.ToLowerInvariant(), outage.Message);
    }

    public static IResult NotFound(string what, string id) =>
        Error(StatusCodes.Status404NotFound, "not_found", $"No {what} '{id}' exists on this channel for this client.");

    public static int StatusOf(string code) => code switch
    {
        CommerceErrorCodes.NotFound => StatusCodes.Status404NotFound,
        CommerceErrorCodes.InvalidInput => StatusCodes.Status400BadRequest,
        CommerceErrorCodes.Conflict or CheckoutErrorCodes.IdempotencyKeyReused or CheckoutErrorCodes.PaymentOutcomeUnknown => StatusCodes.Status409Conflict,
        CommerceErrorCodes.BackendUnavailable or CommerceErrorCodes.BackendProtocolError => StatusCodes.Status502BadGateway,
        CommerceErrorCodes.BackendTimeout => StatusCodes.Status504GatewayTimeout,
        CommerceErrorCodes.StateStoreUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
