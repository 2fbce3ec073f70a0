using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox.Http;
using CommerceGateway.Adapters.OneBox.Protocol;
using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Logging;
using static CommerceGateway.Adapters.OneBox.Http.BookingHttp;

namespace CommerceGateway.Adapters.OneBox;

/// <summary>
/// The adapter for OneBox-style booking backends: seat carts locked 10 minutes after their last
/// change, orders that lock them 45 minutes until committed with the amount paid, and bookings
/// that are committed first and purchased later. Every seat the backend locks for a cart is also
/// held in the gateway's <see cref="ISeatHoldStore"/> with the same deadline (holder: the cart id),
/// so every gateway replica refuses a seat another cart holds before the backend is called.
/// </summary>
/// <remarks>
/// Channel credentials: <c>ClientId</c> and <c>ClientSecret</c> (OAuth2 client credentials).
/// Settings: <c>TokenPath</c> (default <c>oauth/token</c>), <c>DeliveryType</c> (default
/// <c>EMAIL</c>), <c>CartHoldMinutes</c> (default 10) and <c>OrderHoldMinutes</c> (default 45).
/// A cart line's merchandise id is the rate id and its session id the event session; without seat
/// ids the backend picks the best available seats.
/// </remarks>
public sealed partial class BookingBackend : CommerceBackend, IDisposable
{
    private readonly BookingHttp _http;
    private readonly BookingSeatHolds _holds;
    private readonly BackendTokenCache _tokens;
    private readonly ILogger _logger;

    /// <summary>Creates the backend of one channel; the SDK calls this once per channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="http">The channel's HttpClient (base address and resilience pipeline set).</param>
    /// <param name="seatHolds">The gateway's shared seat-hold store.</param>
    /// <param name="time">The clock the token cache runs on.</param>
    /// <param name="logger">The logger.</param>
    public BookingBackend(Channel channel, HttpClient http, ISeatHoldStore seatHolds, TimeProvider time, ILogger<BookingBackend> logger)
        : base(channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(seatHolds);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _tokens = new BackendTokenCache(time);
        _http = new BookingHttp(channel, http, _tokens, logger);
        _holds = new BookingSeatHolds(channel, seatHolds, logger);
    }

    /// <inheritdoc />
    public override async Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await CartCallAsync("shoppingCart/create", "CreateCart", [], cancellationToken);
        if (snapshot.Currency != request.Currency)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"Channel '{Channel.Name}' sells in {snapshot.Currency}, not {request.Currency}.", field: "currency");
        }

        var cart = new Cart { Id = request.CartId, Channel = Channel.Name, Currency = request.Currency, Buyer = request.Buyer, Totals = CartTotals.Zero(request.Currency) };
        cart = BookingCartBuilder.Build(cart, snapshot, new Dictionary<string, DateTimeOffset>());
        return request.Buyer?.Email is null ? cart : await UpdateBuyerAsync(cart, request.Buyer, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            Validate(line);
        }

        var added = new List<BookingCartItem>();
        var known = Known(cart);
        BookingCartSnapshot? snapshot = null;
        try
        {
            foreach (var line in lines)
            {
                snapshot = line.SeatIds is { Count: > 0 } chosen
                    ? await AddChosenSeatsAsync(cart, line.SessionId!, chosen, line.MerchandiseId, cancellationToken)
                    : await AddBestSeatsAsync(cart, line.SessionId!, line.Quantity, line.MerchandiseId, known, cancellationToken);
                added.AddRange(snapshot.Items.Where(i => !known.Contains(i.Id)));
                known.UnionWith(snapshot.Items.Select(i => i.Id));
            }
        }
        catch (Exception e) when (added.Count > 0 && e is CommerceException or StateStoreUnavailableException)
        {
            // Seats are all or nothing: give back what earlier lines of this call took.
            await RollBackAsync(cart, added);
            throw;
        }

        return await AfterChangeAsync(cart, snapshot!, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(updates);
        var snapshot = await DetailsAsync(cart, cancellationToken);
        foreach (var update in updates)
        {
            if (update.Quantity < 0)
            {
                throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "A quantity cannot be negative.", field: "quantity");
            }

            var items = LineItems(snapshot, update.LineId);
            if (update.Quantity < items.Count)
            {
                snapshot = await ReleaseItemsAsync(cart, items.Skip(update.Quantity).ToList(), cancellationToken);
            }
            else if (update.Quantity > items.Count)
            {
                var (sessionId, rateId) = SplitLineId(update.LineId);
                snapshot = await AddBestSeatsAsync(cart, sessionId, update.Quantity - items.Count, rateId, [.. snapshot.Items.Select(i => i.Id)], cancellationToken);
            }
        }

        return await AfterChangeAsync(cart, snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lineIds);
        var snapshot = await DetailsAsync(cart, cancellationToken);
        var items = lineIds.Distinct(StringComparer.Ordinal).SelectMany(id => LineItems(snapshot, id)).ToList();
        if (items.Count > 0)
        {
            snapshot = await ReleaseItemsAsync(cart, items, cancellationToken);
        }

        return await AfterChangeAsync(cart, snapshot, cancellationToken);
    }

    /// <summary>
    /// Gives back every seat the cart holds (backend <c>releaseItems</c>, then the seat-hold store),
    /// e.g. after its holds expired. A cart the backend already deleted on expiry counts as released.
    /// </summary>
    public override async Task<Cart> ReleaseCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var itemIds = cart.Backend.Get(BookingCartBuilder.ItemsKey)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var expired = false;
        if (itemIds.Length > 0 && cart.Backend.Get(BookingCartBuilder.TokenKey) is { } token)
        {
            try
            {
                using var _ = await _http.PostAsync("shoppingCart/releaseItems", "ReleaseCart", [Field("token", token), .. itemIds.Select(id => Field("items", id))], cancellationToken);
            }
            catch (BackendRejectedException e) when (e.BackendCode is BookingErrors.CartExpired or BookingErrors.CartNotFound)
            {
                expired = true;
            }
        }

        await _holds.ReleaseAsync(cart.Id, null, expired ? "cart expired at the backend" : "cart released", cancellationToken);
        var zero = Money.Zero(cart.Currency);
        return cart with
        {
            Lines = [],
            Totals = new CartTotals(zero, zero, cart.Totals.Shipping, zero, cart.Totals.Shipping, TaxesIncluded: true),
            ExpiresAt = null,
            Backend = cart.Backend.With(BookingCartBuilder.ItemsKey, null),
            Checkout = expired ? cart.Checkout with { Status = CheckoutStatus.Expired } : cart.Checkout,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private async Task<BookingCartSnapshot> AddChosenSeatsAsync(Cart cart, string sessionId, IReadOnlyList<string> seatIds, string rateId, CancellationToken cancellationToken)
    {
        var held = await _holds.CurrentAsync(cart.Id, cancellationToken);
        var fresh = seatIds.Distinct(StringComparer.Ordinal).Where(s => !held.ContainsKey(_holds.Key(sessionId, s))).Select(s => (sessionId, s)).ToList();
        await _holds.AcquireAsync(cart.Id, [.. seatIds.Select(s => (sessionId, s))], cancellationToken);
        try
        {
            return await CartCallAsync(
                "shoppingCart/addSeats",
                "AddLines",
                [Field("token", Token(cart)), Field("idSession", sessionId), .. RateField(rateId), .. seatIds.Select(s => Field("seats", s))],
                cancellationToken);
        }
        catch (CommerceException)
        {
            await _holds.ReleaseAsync(cart.Id, fresh, "backend refused the seats", CancellationToken.None);
            throw;
        }
    }

    private async Task<BookingCartSnapshot> AddBestSeatsAsync(Cart cart, string sessionId, int count, string rateId, HashSet<string> known, CancellationToken cancellationToken)
    {
        var snapshot = await CartCallAsync(
            "shoppingCart/addBestSeats",
            "AddLines",
            [Field("token", Token(cart)), Field("idSession", sessionId), Field("numSeats", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. RateField(rateId)],
            cancellationToken);
        var picked = snapshot.Items.Where(i => !known.Contains(i.Id)).ToList();
        try
        {
            await _holds.AcquireAsync(cart.Id, BookingCartBuilder.Seats(picked), cancellationToken);
        }
        catch (BackendRejectedException e)
        {
            BookingLog.BestSeatsConflict(_logger, Channel.Name, cart.Id, e.Message);
            await ReleaseItemsAsync(cart, picked, CancellationToken.None, releaseHolds: false);
            throw;
        }

        return snapshot;
    }

    private async Task<BookingCartSnapshot> ReleaseItemsAsync(Cart cart, List<BookingCartItem> items, CancellationToken cancellationToken, bool releaseHolds = true)
    {
        var snapshot = await CartCallAsync(
            "shoppingCart/releaseItems",
            "ReleaseItems",
            [Field("token", Token(cart)), .. items.Select(i => Field("items", i.Id))],
            cancellationToken);
        if (releaseHolds)
        {
            await _holds.ReleaseAsync(cart.Id, BookingCartBuilder.Seats(items), "seats released at the backend", cancellationToken);
        }

        return snapshot;
    }

    private async Task RollBackAsync(Cart cart, List<BookingCartItem> added)
    {
        try
        {
            await ReleaseItemsAsync(cart, added, CancellationToken.None);
        }
        catch (Exception e) when (e is CommerceException or StateStoreUnavailableException)
        {
            // The holds lapse with the backend's lock; the original failure is what the caller needs.
            BookingLog.RollBackIncomplete(_logger, Channel.Name, cart.Id, e);
        }
    }

    /// <summary>The backend restarted the cart's 10 minutes: move the store's holds with it and rebuild the cart.</summary>
    private async Task<Cart> AfterChangeAsync(Cart cart, BookingCartSnapshot snapshot, CancellationToken cancellationToken)
    {
        var holds = await _holds.ExtendAsync(cart.Id, BookingSettings.CartHold(Channel), cancellationToken);
        return BookingCartBuilder.Build(cart, snapshot, holds);
    }

    private async Task<BookingCartSnapshot> CartCallAsync(string path, string operation, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken, bool safeToRetry = false)
    {
        using var document = await _http.PostAsync(path, operation, fields, cancellationToken, safeToRetry);
        return BookingCartSnapshot.Read(document.Root(Channel.Name));
    }

    private async Task<BookingCartSnapshot> DetailsAsync(Cart cart, CancellationToken cancellationToken)
    {
        using var document = await _http.GetAsync($"shoppingCart/details?token={Uri.EscapeDataString(Token(cart))}", "CartDetails", cancellationToken);
        return BookingCartSnapshot.Read(document.Root(Channel.Name));
    }

    private List<BookingCartItem> LineItems(BookingCartSnapshot snapshot, string lineId)
    {
        var items = snapshot.Items.Where(i => BookingCartBuilder.LineId(i.SessionId, i.RateId) == lineId).ToList();
        return items.Count > 0 ? items : throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"The cart has no line '{lineId}'.", field: "lineId");
    }

    private (string SessionId, string RateId) SplitLineId(string lineId) =>
        lineId.Split(':') is [var session, var rate]
            ? (session, rate)
            : throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"The cart has no line '{lineId}'.", field: "lineId");

    private void Validate(CartLineInput line)
    {
        if (line.SessionId is null)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "Booking lines are seats: give the event session.", field: "sessionId");
        }

        if (line.Quantity < 1 || line.SeatIds is { Count: > 0 } seats && seats.Count != line.Quantity)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "The quantity must be at least 1 and equal the number of chosen seats.", field: "quantity");
        }
    }

    private static HashSet<string> Known(Cart cart) =>
        [.. cart.Backend.Get(BookingCartBuilder.ItemsKey)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []];

    private static string Token(Cart cart) => cart.Backend.Require(BookingCartBuilder.TokenKey);

    private static KeyValuePair<string, string>[] RateField(string rateId) =>
        string.IsNullOrWhiteSpace(rateId) ? [] : [Field("idRate", rateId)];
}
