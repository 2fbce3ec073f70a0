using System.Text.Json;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>The loyalty API: <c>/loyalty/accounts/{spendgo_id}/rewards|balance|orders</c>, Bearer only.</summary>
internal static class SpendgoEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/loyalty/accounts/{spendgoId}");
        accounts.MapGet("/rewards", (string spendgoId, string? store, HttpContext http, SpendgoStore state) =>
            TypedResults.Json(state.Rewards(http.Account(), spendgoId, store)));
        accounts.MapGet("/balance", (string spendgoId, HttpContext http, SpendgoStore state) =>
            TypedResults.Json(state.Balance(http.Account(), spendgoId)));
        accounts.MapPost("/orders", async (string spendgoId, HttpContext http, SpendgoStore state) =>
        {
            var request = SpendgoOrderRequest.Read(await ReadJsonAsync(http));
            return TypedResults.Json(state.SubmitOrder(http.Account(), spendgoId, request));
        });
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpContext http)
    {
        if (http.Request.HasJsonContentType() is false)
        {
            throw new SpendgoException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the order as application/json.");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw SpendgoException.Invalid("invalid_json", "The body is not valid JSON: " + e.Message);
        }
    }
}
