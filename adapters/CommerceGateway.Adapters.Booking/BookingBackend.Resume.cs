using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox.Http;
using CommerceGateway.Adapters.OneBox.Protocol;
using CommerceGateway.Adapters.State;
using static CommerceGateway.Adapters.OneBox.Http.BookingHttp;

namespace CommerceGateway.Adapters.OneBox;

/// <content>
/// Resuming a checkout whose seat locks lapsed. The backend deleted the cart (and any order made from
/// it), so a new backend cart holds the same seats again, or the best available of the same session
/// and rate when the buyer allows it; the buyer and delivery are sent again and the backend prices
/// the new cart.
/// </content>
public sealed partial class BookingBackend
{
    /// <inheritdoc />
    public override Task<Cart> ResumeCheckoutAsync(Cart cart, CancellationToken cancellationToken) =>
        ResumeCheckoutAsync(cart, CheckoutResumeOptions.Default, cancellationToken);

    /// <summary>
    /// Holds the cart's seats again after its 10 minutes (or its order's 45) lapsed. A seat taken
    /// meanwhile (by another cart, in the seat-hold store or at the backend) fails the resume with
    /// SoldOut, unless <see cref="CheckoutResumeOptions.AllowAlternativeSeats"/> lets the backend pick
    /// the best available seats of that line's session and rate. An order of the cart that is still
    /// pending keeps its seats, so nothing is held again; one already committed is InvalidStep, so a
    /// resume never leads to a second charge. All or nothing: seats taken before a failure are given back.
    /// </summary>
    public override async Task<Cart> ResumeCheckoutAsync(Cart cart, CheckoutResumeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(options);
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "The cart has no seats to hold again.");
        }

        var open = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Open, FailureReason = null } };
        if (cart.Backend.Get(BookingCartBuilder.OrderCodeKey) is { } orderCode)
        {
            if (await LiveOrderAsync(orderCode, cancellationToken) is { } order)
            {
                return order.Committed
                    ? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, $"Order {orderCode} of this cart is already paid; there is nothing to resume.")
                    : BookingCartBuilder.WithDeadlines(open, await _holds.CurrentAsync(cart.Id, cancellationToken));
            }

            open = open with { Backend = open.Backend.With(BookingCartBuilder.OrderCodeKey, null) };
        }
        else if (await LiveCartAsync(cart, cancellationToken) is { } live)
        {
            // The backend still locks the seats: nothing lapsed, the buyer goes on with them.
            return BookingCartBuilder.Build(open, live, await _holds.CurrentAsync(cart.Id, cancellationToken));
        }

        return await HoldAgainAsync(open, options, cancellationToken);
    }

    private async Task<Cart> HoldAgainAsync(Cart cart, CheckoutResumeOptions options, CancellationToken cancellationToken)
    {
        var created = await CartCallAsync("shoppingCart/create", "ResumeCheckout", [], cancellationToken);
        var fresh = cart with
        {
            Backend = cart.Backend.With(BookingCartBuilder.TokenKey, created.Token).With(BookingCartBuilder.ItemsKey, null).With(BookingCartBuilder.DeliveryKey, null),
        };
        var added = new List<BookingCartItem>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var snapshot = created;
        var replaced = 0;
        try
        {
            foreach (var line in cart.Lines)
            {
                var (sessionId, rateId) = SplitLineId(line.Id);
                var seatIds = line.Seats.Select(s => s.SeatId).ToList();
                try
                {
                    snapshot = await AddChosenSeatsAsync(fresh, sessionId, seatIds, rateId, cancellationToken);
                }
                catch (BackendRejectedException e) when (e.Code is CommerceErrorCodes.SeatTaken or CommerceErrorCodes.SoldOut)
                {
                    if (!options.AllowAlternativeSeats)
                    {
                        throw new BackendRejectedException(
                            Channel.Name,
                            CommerceErrorCodes.SoldOut,
                            $"Seats {string.Join(", ", seatIds)} of session {sessionId} were taken after the hold expired; resume allowing alternative seats to hold the best available of the same rate.",
                            e.BackendCode,
                            e.BackendMessage,
                            "seatIds");
                    }

                    snapshot = await AddBestSeatsAsync(fresh, sessionId, seatIds.Count, rateId, known, cancellationToken);
                    replaced += seatIds.Count;
                }

                added.AddRange(snapshot.Items.Where(i => !known.Contains(i.Id)));
                known.UnionWith(snapshot.Items.Select(i => i.Id));
            }

            var resumed = await AfterChangeAsync(fresh, snapshot, cancellationToken);
            if (resumed.Buyer is { Email: not null } buyer)
            {
                resumed = await UpdateBuyerAsync(resumed, buyer, cancellationToken);
            }

            if (cart.Checkout.Steps.Count > 0)
            {
                resumed = await BeginCheckoutAsync(resumed, cancellationToken);
            }

            await ReleaseReplacedAsync(cart, snapshot, cancellationToken);
            BookingLog.Resumed(_logger, Channel.Name, cart.Id, snapshot.Items.Count, replaced);
            return resumed;
        }
        catch (Exception e) when (added.Count > 0 && e is CommerceException or StateStoreUnavailableException)
        {
            await RollBackAsync(fresh, added);
            throw;
        }
    }

    /// <summary>Seats the cart held before that the resumed cart does not (alternatives replaced them) are not this cart's any more.</summary>
    private async Task ReleaseReplacedAsync(Cart before, BookingCartSnapshot now, CancellationToken cancellationToken)
    {
        var kept = now.Items.Select(i => (i.SessionId, i.SeatId)).ToHashSet();
        var stale = before.Lines.SelectMany(l => l.Seats).Select(s => (s.SessionId, s.SeatId)).Where(s => !kept.Contains(s)).ToList();
        await _holds.ReleaseAsync(before.Id, stale, "seats replaced on resume", cancellationToken);
    }

    /// <summary>The cart's order as the backend has it, or null when the backend deleted it on expiry.</summary>
    private async Task<BookingOrderSnapshot?> LiveOrderAsync(string orderCode, CancellationToken cancellationToken)
    {
        try
        {
            return await OrderDetailsAsync(orderCode, cancellationToken);
        }
        catch (BackendRejectedException e) when (e.BackendCode is BookingErrors.OrderExpired or BookingErrors.OrderNotFound)
        {
            return null;
        }
    }

    /// <summary>The backend's cart, or null when it deleted the cart on expiry.</summary>
    private async Task<BookingCartSnapshot?> LiveCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        try
        {
            return await DetailsAsync(cart, cancellationToken);
        }
        catch (BackendRejectedException e) when (e.BackendCode is BookingErrors.CartExpired or BookingErrors.CartNotFound)
        {
            return null;
        }
    }
}
