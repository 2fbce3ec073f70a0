using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// Orchestrates carts, checkout, payment, orders, bookings and loyalty across adapters. Every state
/// change is stored in the shared session store, so any replica continues any cart; changes to one
/// cart are serialized by a cart lock and guarded by optimistic versions; payments are idempotent.
/// Business failures come back as <see cref="UserError"/>s; faults (backend or state store down)
/// propagate as exceptions.
/// </summary>
public sealed partial class CheckoutService
{
    private readonly IChannelRegistry _channels;
    private readonly SessionDocuments _documents;
    private readonly ISessionStore _sessions;
    private readonly CartLocks _locks;
    private readonly IIdempotencyStore _idempotency;
    private readonly CheckoutOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckoutService> _logger;

    /// <summary>Creates the service; resolve it from DI after <c>AddCheckout()</c>.</summary>
    public CheckoutService(
        IChannelRegistry channels,
        ISessionStore sessions,
        Adapters.State.ISeatHoldStore holds,
        IIdempotencyStore idempotency,
        IOptions<CheckoutOptions> options,
        TimeProvider time,
        ILogger<CheckoutService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channels = channels;
        _documents = new SessionDocuments(sessions);
        _sessions = sessions;
        _locks = new CartLocks(holds, options, time);
        _idempotency = idempotency;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates an empty cart on a commerce channel, owned by <paramref name="client"/>.</summary>
    public async Task<CheckoutResult<Cart>> CreateCartAsync(ClientContext client, string channel, string? currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_channels.TryGetChannel(channel, out var found) || TryGetBackend(found) is not { } backend)
        {
            return CheckoutResult.Fail<Cart>(CheckoutErrorCodes.NotFound, $"There is no commerce channel named '{channel}'.", "channel");
        }

        CurrencyCode code;
        if (currency is not null)
        {
            if (!CurrencyCode.TryParse(currency, out code))
            {
                return CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, $"'{currency}' is not an ISO 4217 currency code.", "currency");
            }
        }
        else if (found.DefaultCurrency is { } fallback)
        {
            code = fallback;
        }
        else
        {
            return CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, $"Channel '{found.Name}' has no default currency; give one.", "currency");
        }

        try
        {
            var cart = await backend.CreateCartAsync(new CartCreation(SecureIds.New("cart"), code), cancellationToken);
            var session = new CartSession(cart with { Channel = found.Name }, client.ClientId);
            var version = await _documents.PutAsync(SessionDocuments.CartKey(cart.Id), session, 0, _options.CartLifetime, cancellationToken);
            return CheckoutResult.Ok<Cart>(session.Cart with { Version = version });
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<Cart>(e);
        }
    }

    /// <summary>
    /// The cart, or null when it does not exist or belongs to another client. A cart whose payment is
    /// processing is brought up to date first; an expired one says so.
    /// </summary>
    public async Task<Cart?> GetCartAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        var session = await LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.Cart.Checkout.Status == CheckoutStatus.Processing)
        {
            var refreshed = await RefreshPaymentAsync(client, cartId, cancellationToken);
            return refreshed.Value?.Cart ?? session.Cart;
        }

        return MarkIfExpired(session.Cart);
    }

    /// <summary>Applies one backend change to a cart under its lock, then stores it.</summary>
    private async Task<CheckoutResult<Cart>> ChangeCartAsync(
        ClientContext client,
        string cartId,
        long? expectedVersion,
        Func<CommerceBackend, Cart, CancellationToken, Task<Cart>> change,
        CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
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
            var backend = _channels.GetCommerceBackend(session.Cart.Channel);
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

    private async Task<CartSession?> LoadCartAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await _documents.GetAsync<CartSession>(SessionDocuments.CartKey(cartId), cancellationToken);
        // Another client's cart is indistinguishable from a missing one.
        return stored is { } found && found.Value.Owner == client.ClientId
            ? found.Value with { Cart = found.Value.Cart with { Version = found.Version } }
            : null;
    }

    private Task<Cart> SaveCartAsync(CartSession session, Cart changed, CancellationToken cancellationToken) =>
        SaveCartAsync(session, changed, session.LoyaltyOwed, cancellationToken);

    /// <summary>
    /// Writes the cart with what it now owes its loyalty program (<paramref name="owed"/>) and keeps the
    /// follow-up index in step, the entry added before the write and removed after it like an order's.
    /// </summary>
    private async Task<Cart> SaveCartAsync(CartSession session, Cart changed, CartLoyaltyOwed? owed, CancellationToken cancellationToken)
    {
        // The gateway owns identity, ownership and loyalty; adapters cannot change them.
        var cart = changed with { Id = session.Cart.Id, Channel = session.Cart.Channel, Loyalty = changed.Loyalty ?? session.Cart.Loyalty };
        var key = SessionDocuments.CartKey(cart.Id);
        if (owed is { Owed.GaveUp: false } retrying)
        {
            await _sessions.ScheduleFollowUpAsync(key, retrying.Owed.NextAttemptAt, cancellationToken);
        }

        // A cart owing a void outlives its usual lifetime until the retries end, or an abandoned cart
        // would take the debt with it and leave the member's reward locked.
        var lifetime = owed is null || _options.CartLifetime >= _options.LoyaltyRetryGiveUpAfter ? _options.CartLifetime : _options.LoyaltyRetryGiveUpAfter;
        var version = await _documents.PutAsync(key, session with { Cart = cart, LoyaltyOwed = owed }, session.Cart.Version, lifetime, cancellationToken);
        if (session.LoyaltyOwed is { Owed.GaveUp: false } && owed is not { Owed.GaveUp: false })
        {
            await _sessions.CancelFollowUpAsync(key, cancellationToken);
        }

        return cart with { Version = version };
    }

    private Cart MarkIfExpired(Cart cart) =>
        cart.ExpiresAt is { } expires && expires <= _time.GetUtcNow() && cart.Checkout.Status is CheckoutStatus.Open or CheckoutStatus.PaymentFailed
            ? cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Expired } }
            : cart;

    private CommerceBackend? TryGetBackend(Channel channel)
    {
        try
        {
            return _channels.GetCommerceBackend(channel.Name);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static CheckoutResult<T> NotFound<T>(string what, string id) =>
        CheckoutResult.Fail<T>(CheckoutErrorCodes.NotFound, $"No {what} '{id}' exists for this client.", what + "Id");

    private static CheckoutResult<T> Fail<T>(CommerceException e) =>
        CheckoutResult.Fail<T>(e.Code, e.Message, (e as BackendRejectedException)?.Field);
}
