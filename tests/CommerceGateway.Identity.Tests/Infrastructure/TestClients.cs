using CommerceGateway.Identity;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>The clients every test host registers. Hashes use few iterations to keep tests fast.</summary>
internal static class TestClients
{
    public const string ShopId = "shop";

    /// <summary>Every character RFC 6749 §2.3.1 makes clients form-urlencode, plus a non-ASCII one.</summary>
    public const string ShopSecret = "s3cret+%:/=?& é";

    public const string OtherId = "other";
    public const string OtherSecret = "other-secret";

    public static readonly string ShopHash = ClientSecretHasher.Hash(ShopSecret, 1_000);
    public static readonly string OtherHash = ClientSecretHasher.Hash(OtherSecret, 1_000);

    public static Dictionary<string, string?> Settings(string issuer, string dataDirectory) => new()
    {
        ["Identity:Issuer"] = issuer,
        ["Identity:DataDirectory"] = dataDirectory,
        ["Identity:Clients:shop:SecretHash"] = ShopHash,
        ["Identity:Clients:shop:Audiences:0"] = "api",
        ["Identity:Clients:shop:Audiences:1"] = "orders-api",
        ["Identity:Clients:shop:AllowedScopes:0"] = "orders:read",
        ["Identity:Clients:shop:AllowedScopes:1"] = "orders:write",
        ["Identity:Clients:shop:DefaultScopes:0"] = "orders:read",
        ["Identity:Clients:other:SecretHash"] = OtherHash,
        ["Identity:Clients:other:Audiences:0"] = "api",
    };
}
