using System.Security.Cryptography;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary><c>POST /customers/login</c>: a guest session, whose customer_token is linked to the access token used.</summary>
internal static class LivescaleCustomerEndpoints
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/customers/login", LoginAsync);

    private static async Task<IResult> LoginAsync(HttpContext http, LivescaleDocuments documents)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleLoginInput>(http.Request, optional: true);
        if (error is not null)
        {
            return error;
        }

        var type = body?.Type ?? "guest";
        if (type != "guest")
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "unsupported_customer_type", "Only guest customers are supported.");
        }

        // Baskets made with this access token belong to this guest; a new login replaces the link.
        var caller = LivescaleCaller.Of(http);
        var customerToken = "cus_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await documents.LinkLoginAsync(caller, customerToken, http.RequestAborted);
        return LivescaleJson.Ok(new { customer_token = customerToken, type });
    }
}
