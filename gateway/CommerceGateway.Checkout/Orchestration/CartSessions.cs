using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Options;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// The cart session every checkout service works on: loaded for its owner only (another client's cart
/// is a missing one), changed under the cart's lock against the backend of its channel, and stored
/// with an optimistic version, the follow-up index kept in step with what the cart owes its loyalty program.
/// </summary>
internal sealed class CartSessions(IChannelRegistry channels, SessionDocuments documents, ISessionStore sessions, CartLocks locks, IOptions<CheckoutOptions> options, TimeProvider time)
{
    private readonly CheckoutOptions _options = options.Value;

    /// <summary>Applies one backend change to a cart under its lock, then stores it.</summary>
    public async Task<CheckoutResult<Cart>> ChangeCartAsync(
        ClientContext client,
        string cartId,
        long? expectedVersion,
        Func<CommerceBackend, Cart, CancellationToken, Task<Cart>> change,
        CancellationToken cancellationToken)
    {
        await using var lease = await locks.TryAcquireAsync(cartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<Cart>(CommerceErrorCodes.Conflict, "Another change to this cart is in progress; read the cart and retry.");
        }

        var session = await LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<Cart>("cart", cartId);
        }

        if (expectedVersion is { } expected && expected != session.Cart.Version)
        {
            return CheckoutResult.Fail<Cart>(CommerceErrorCodes.Conflict, $"The cart is at version {session.Cart.Version}, not {expected}; read it again and retry.", "expectedVersion");
        }

        try
        {
            var backend = channels.GetCommerceBackend(session.Cart.Channel);
            var changed = await change(backend, session.Cart, cancellationToken);
            return CheckoutResult.Ok<Cart>(await SaveCartAsync(session, changed, cancellationToken));
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<Cart>(e);
        }
        catch (SessionVersionConflictException e)
        {
            return CheckoutResult.Fail<Cart>(CommerceErrorCodes.Conflict, e.Message);
        }
    }

    public async Task<CartSession?> LoadCartAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await documents.GetAsync<CartSession>(SessionDocuments.CartKey(cartId), cancellationToken);
        // Another client's cart is indistinguishable from a missing one.
        return stored is { } found && found.Value.Owner == client.ClientId
            ? found.Value with { Cart = found.Value.Cart with { Version = found.Version } }
            : null;
    }

    public Task<Cart> SaveCartAsync(CartSession session, Cart changed, CancellationToken cancellationToken) =>
        SaveCartAsync(session, changed, session.LoyaltyOwed, cancellationToken);

    /// <summary>
    /// Writes the cart with what it now owes its loyalty program (<paramref name="owed"/>) and keeps the
    /// follow-up index in step, the entry added before the write and removed after it like an order's.
    /// </summary>
    public async Task<Cart> SaveCartAsync(CartSession session, Cart changed, CartLoyaltyOwed? owed, CancellationToken cancellationToken)
    {
        // The gateway owns identity, ownership and loyalty; adapters cannot change them.
        var cart = changed with { Id = session.Cart.Id, Channel = session.Cart.Channel, Loyalty = changed.Loyalty ?? session.Cart.Loyalty };
        var key = SessionDocuments.CartKey(cart.Id);
        if (owed is { Owed.GaveUp: false } retrying)
        {
            await sessions.ScheduleFollowUpAsync(key, retrying.Owed.NextAttemptAt, cancellationToken);
        }

        // A cart owing a void outlives its usual lifetime until the retries end, or an abandoned cart
        // would take the debt with it and leave the member's reward locked.
        var lifetime = owed is null || _options.CartLifetime >= _options.LoyaltyRetryGiveUpAfter ? _options.CartLifetime : _options.LoyaltyRetryGiveUpAfter;
        var version = await documents.PutAsync(key, session with { Cart = cart, LoyaltyOwed = owed }, session.Cart.Version, lifetime, cancellationToken);
        if (session.LoyaltyOwed is { Owed.GaveUp: false } && owed is not { Owed.GaveUp: false })
        {
            await sessions.CancelFollowUpAsync(key, cancellationToken);
        }

        return cart with { Version = version };
    }

    public Cart MarkIfExpired(Cart cart) =>
        cart.ExpiresAt is { } expires && expires <= time.GetUtcNow() && cart.Checkout.Status is CheckoutStatus.Open or CheckoutStatus.PaymentFailed
            ? cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Expired } }
            : cart;
}
