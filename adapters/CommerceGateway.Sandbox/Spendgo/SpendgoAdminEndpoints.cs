using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// Sandbox-only calls (no auth, like the fault admin API) under <c>/spendgo/_admin/</c>: create a
/// member with a balance and rewards, see a member with every reward's state, revoke every token.
/// </summary>
internal static class SpendgoAdminEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        var admin = group.MapGroup("/_admin");
        admin.MapPost("/accounts/{accountId}/members", (string accountId, NewMember body, SpendgoStore state) =>
            TypedResults.Json(state.CreateMember(accountId, body.Points, body.Rewards ?? []), statusCode: StatusCodes.Status201Created));
        admin.MapGet("/accounts/{accountId}/members/{spendgoId}", (string accountId, string spendgoId, SpendgoStore state) =>
            TypedResults.Json(state.DescribeMember(accountId, spendgoId)));
        admin.MapPost("/tokens/revoke", (SpendgoTokens tokens) =>
            TypedResults.Json(new JsonObject { ["revoked"] = tokens.RevokeAll() }));
    }

    /// <summary>The body of a new member: <c>{"points": 120, "rewards": ["rw-5off"]}</c>.</summary>
    internal sealed record NewMember(decimal Points, IReadOnlyList<string>? Rewards);
}
