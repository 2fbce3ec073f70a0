using System.Text.Json;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Checkout;

/// <summary>Typed JSON documents with versions over <see cref="ISessionStore"/>.</summary>
internal sealed class SessionDocuments(ISessionStore store)
{
    public async Task<(T Value, long Version)?> GetAsync<T>(string key, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(key, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var value = JsonSerializer.Deserialize<T>(document.Document, CheckoutJson.Options)
            ?? throw new InvalidOperationException($"Session document '{key}' is empty.");
        return (value, document.Version);
    }

    /// <summary>Writes <paramref name="value"/> if the stored version is still <paramref name="expectedVersion"/> (0 creates).</summary>
    /// <exception cref="SessionVersionConflictException">Someone else wrote it first.</exception>
    public Task<long> PutAsync<T>(string key, T value, long expectedVersion, TimeSpan lifetime, CancellationToken cancellationToken) =>
        store.PutAsync(key, JsonSerializer.Serialize(value, CheckoutJson.Options), expectedVersion, lifetime, cancellationToken);

    public static string CartKey(string cartId) => "cart:" + cartId;

    public static string OrderKey(string orderId) => "order:" + orderId;

    public static string BookingKey(string bookingId) => "booking:" + bookingId;
}
