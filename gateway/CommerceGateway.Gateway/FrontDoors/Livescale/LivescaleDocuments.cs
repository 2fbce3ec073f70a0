using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommerceGateway.Checkout;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// The front door's own documents in the shared session store (so any replica serves any call):
/// guest logins, what a basket keeps beyond its cart, and Livescale orders. Carts and the backend's
/// orders stay the checkout core's.
/// </summary>
internal sealed class LivescaleDocuments(ISessionStore store, IOptions<CheckoutOptions> checkout, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<string?> GetLoginAsync(LivescaleCaller caller, CancellationToken cancellationToken) =>
        (await store.GetAsync(LoginKey(caller), cancellationToken))?.Document is { } document
            ? JsonSerializer.Deserialize<string>(document, LivescaleJson.Options)
            : null;

    /// <summary>Links a guest's customer_token to the access token, for as long as the token lives.</summary>
    public async Task LinkLoginAsync(LivescaleCaller caller, string customerToken, CancellationToken cancellationToken)
    {
        var lifetime = caller.TokenExpires - time.GetUtcNow();
        var ttl = lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1);
        var key = LoginKey(caller);
        var json = JsonSerializer.Serialize(customerToken, LivescaleJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken);
            try
            {
                await store.PutAsync(key, json, current?.Version ?? 0, ttl, cancellationToken);
                return;
            }
            catch (SessionVersionConflictException) when (attempt < Attempts)
            {
                // Another login with the same token won the race; the latest login wins.
            }
        }
    }

    public Task<LivescaleBasketDocument?> GetBasketAsync(string cartId, CancellationToken cancellationToken) =>
        GetAsync<LivescaleBasketDocument>(BasketKey(cartId), cancellationToken);

    public Task CreateBasketAsync(LivescaleBasketDocument basket, CancellationToken cancellationToken) =>
        store.PutAsync(BasketKey(basket.CartId), JsonSerializer.Serialize(basket, LivescaleJson.Options), 0, checkout.Value.CartLifetime, cancellationToken);

    public Task<LivescaleBasketDocument> UpdateBasketAsync(string cartId, Func<LivescaleBasketDocument, LivescaleBasketDocument> change, CancellationToken cancellationToken) =>
        UpdateAsync(BasketKey(cartId), checkout.Value.CartLifetime, change, cancellationToken);

    public Task<LivescaleOrderDocument?> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        GetAsync<LivescaleOrderDocument>(OrderKey(orderId), cancellationToken);

    public Task CreateOrderAsync(LivescaleOrderDocument order, CancellationToken cancellationToken) =>
        store.PutAsync(OrderKey(order.Id), JsonSerializer.Serialize(order, LivescaleJson.Options), 0, checkout.Value.OrderLifetime, cancellationToken);

    public Task<LivescaleOrderDocument> UpdateOrderAsync(string orderId, Func<LivescaleOrderDocument, LivescaleOrderDocument> change, CancellationToken cancellationToken) =>
        UpdateAsync(OrderKey(orderId), checkout.Value.OrderLifetime, change, cancellationToken);

    private async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken) where T : class =>
        (await store.GetAsync(key, cancellationToken))?.Document is { } document ? JsonSerializer.Deserialize<T>(document, LivescaleJson.Options) : null;

    private async Task<T> UpdateAsync<T>(string key, TimeSpan lifetime, Func<T, T> change, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken)
                ?? throw new InvalidOperationException($"Front door document '{key}' disappeared while it was being changed.");
            var changed = change(JsonSerializer.Deserialize<T>(current.Document, LivescaleJson.Options)!);
            try
            {
                await store.PutAsync(key, JsonSerializer.Serialize(changed, LivescaleJson.Options), current.Version, lifetime, cancellationToken);
                return changed;
            }
            catch (SessionVersionConflictException) when (attempt < Attempts)
            {
                // Changed concurrently: apply the change again to what is stored now.
            }
        }
    }

    // The token id is hashed: a key names no credential, even one that is only an identifier.
    private static string LoginKey(LivescaleCaller caller) =>
        "livescale:login:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(caller.Client.ClientId + "\u001f" + caller.TokenId)));

    private static string BasketKey(string cartId) => "livescale:basket:" + cartId;

    private static string OrderKey(string orderId) => "livescale:order:" + orderId;
}
