using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Keys;
using OpenIddict.Server;

namespace CommerceGateway.Identity.Server;

/// <summary>What our handlers learn about a request and hand to the later ones, kept in OpenIddict's transaction.</summary>
internal static class GatewayTransaction
{
    private const string Prefix = "CommerceGateway.Identity.";
    private const string ClientKey = Prefix + "Client";
    private const string BasicKey = Prefix + "Basic";
    private const string BodyClientIdKey = Prefix + "BodyClientId";
    private const string RetryAfterKey = Prefix + "RetryAfter";
    private const string TargetsKey = Prefix + "Targets";
    private const string ScopesKey = Prefix + "Scopes";
    private const string AudiencesKey = Prefix + "Audiences";
    private const string KeySetKey = Prefix + "KeySet";

    /// <summary>The client that authenticated; null until it did.</summary>
    public static RegisteredClient? GetClient(this OpenIddictServerTransaction transaction) => Get<RegisteredClient>(transaction, ClientKey);

    public static void SetClient(this OpenIddictServerTransaction transaction, RegisteredClient client) => transaction.Properties[ClientKey] = client;

    /// <summary>Whether the client sent HTTP Basic credentials, so a 401 carries a Basic challenge (RFC 6749 §5.2).</summary>
    public static bool UsedBasic(this OpenIddictServerTransaction transaction) => transaction.Properties.ContainsKey(BasicKey);

    public static void SetUsedBasic(this OpenIddictServerTransaction transaction) => transaction.Properties[BasicKey] = true;

    /// <summary>The <c>client_id</c> of the body, which must agree with the Basic credentials.</summary>
    public static string? GetBodyClientId(this OpenIddictServerTransaction transaction) => Get<string>(transaction, BodyClientIdKey);

    public static void SetBodyClientId(this OpenIddictServerTransaction transaction, string clientId) => transaction.Properties[BodyClientIdKey] = clientId;

    /// <summary>For an answer the client should repeat later (throttled, store outage): how long it should wait.</summary>
    public static TimeSpan? GetRetryAfter(this OpenIddictServerTransaction transaction) =>
        transaction.Properties.TryGetValue(RetryAfterKey, out var value) && value is TimeSpan retryAfter ? retryAfter : null;

    public static void SetRetryAfter(this OpenIddictServerTransaction transaction, TimeSpan retryAfter) => transaction.Properties[RetryAfterKey] = retryAfter;

    /// <summary>The audiences requested by <c>audience</c> (Auth0, Livescale) and <c>resource</c> (RFC 8707).</summary>
    public static IReadOnlyList<string> GetRequestedTargets(this OpenIddictServerTransaction transaction) => Get<IReadOnlyList<string>>(transaction, TargetsKey) ?? [];

    public static void SetRequestedTargets(this OpenIddictServerTransaction transaction, IReadOnlyList<string> targets) => transaction.Properties[TargetsKey] = targets;

    /// <summary>The scopes and audiences granted to the token being issued.</summary>
    public static (IReadOnlyList<string> Scopes, IReadOnlyList<string> Audiences) GetGrant(this OpenIddictServerTransaction transaction) =>
        (Get<IReadOnlyList<string>>(transaction, ScopesKey) ?? [], Get<IReadOnlyList<string>>(transaction, AudiencesKey) ?? []);

    public static void SetGrant(this OpenIddictServerTransaction transaction, IReadOnlyList<string> scopes, IReadOnlyList<string> audiences)
    {
        transaction.Properties[ScopesKey] = scopes;
        transaction.Properties[AudiencesKey] = audiences;
    }

    /// <summary>The key set read once for the request, so signing uses the key the endpoint checked it could read.</summary>
    public static SigningKeySet? GetKeySet(this OpenIddictServerTransaction transaction) => Get<SigningKeySet>(transaction, KeySetKey);

    public static void SetKeySet(this OpenIddictServerTransaction transaction, SigningKeySet keys) => transaction.Properties[KeySetKey] = keys;

    private static T? Get<T>(OpenIddictServerTransaction transaction, string key) where T : class =>
        transaction.Properties.TryGetValue(key, out var value) ? value as T : null;
}
