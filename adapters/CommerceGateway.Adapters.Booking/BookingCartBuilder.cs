using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox.Protocol;

namespace CommerceGateway.Adapters.OneBox;

/// <summary>
/// Builds the unified cart from the backend's ShoppingCart and the seat-hold store's deadlines.
/// Items of one session at one rate form one line, whose id is <c>{sessionId}:{rateId}</c>.
/// </summary>
internal static class BookingCartBuilder
{
    public const string TokenKey = "token";
    public const string ItemsKey = "items";
    public const string OrderCodeKey = "orderCode";
    public const string DeliveryKey = "delivery";

    public static string LineId(string sessionId, string rateId) => $"{sessionId}:{rateId}";

    public static Cart Build(Cart cart, BookingCartSnapshot snapshot, IReadOnlyDictionary<string, DateTimeOffset> holds)
    {
        var lines = snapshot.Items
            .GroupBy(i => LineId(i.SessionId, i.RateId))
            .Select(g => Line(cart.Channel, g.Key, [.. g], snapshot.ExpiresAt, holds))
            .ToList();
        var buyer = snapshot.Buyer ?? cart.Buyer;
        var zero = Money.Zero(snapshot.Currency);
        var backend = cart.Backend
            .With(TokenKey, snapshot.Token)
            .With(ItemsKey, string.Join(',', snapshot.Items.Select(i => i.Id)))
            .With(DeliveryKey, snapshot.DeliveryType);
        return cart with
        {
            Currency = snapshot.Currency,
            Lines = lines,
            Buyer = buyer,
            Totals = new CartTotals(snapshot.ItemsTotal, zero, snapshot.DeliveryCost, zero, snapshot.Total, TaxesIncluded: true),
            ExpiresAt = lines.Count > 0 ? lines.Min(l => l.ExpiresAt) : snapshot.ExpiresAt,
            Backend = backend,
            Checkout = cart.Checkout.Steps.Count > 0 ? Steps(buyer) : cart.Checkout,
        };
    }

    /// <summary>The same lines with the seats' new deadlines (after createOrder extended them).</summary>
    public static Cart WithDeadlines(Cart cart, IReadOnlyDictionary<string, DateTimeOffset> holds)
    {
        var lines = cart.Lines.Select(line =>
        {
            var seats = line.Seats.Select(s => s with { ExpiresAt = holds.GetValueOrDefault(BookingSeatHolds.Key(cart.Channel, s.SessionId, s.SeatId), s.ExpiresAt) }).ToList();
            return line with { Seats = seats, ExpiresAt = seats.Count > 0 ? seats.Min(s => s.ExpiresAt) : line.ExpiresAt };
        }).ToList();
        return cart with { Lines = lines, ExpiresAt = lines.Count > 0 ? lines.Min(l => l.ExpiresAt) : cart.ExpiresAt };
    }

    /// <summary>The checkout steps: contact details, then payment.</summary>
    public static CheckoutState Steps(Buyer? buyer, CheckoutStatus status = CheckoutStatus.Open, string? failureReason = null)
    {
        CheckoutStep[] steps = string.IsNullOrWhiteSpace(buyer?.Email)
            ? [CheckoutStep.Needs(CheckoutStepKind.Email, "buyer.email"), CheckoutStep.Needs(CheckoutStepKind.Payment, "payment")]
            : [CheckoutStep.Done(CheckoutStepKind.Email), CheckoutStep.Needs(CheckoutStepKind.Payment, "payment")];
        return new CheckoutState(steps, steps.First(s => !s.Completed).Kind, status, FailureReason: failureReason);
    }

    /// <summary>A finished checkout.</summary>
    public static CheckoutState Completed() => new(
        [CheckoutStep.Done(CheckoutStepKind.Email), CheckoutStep.Done(CheckoutStepKind.Payment), CheckoutStep.Done(CheckoutStepKind.Complete)],
        CheckoutStepKind.Complete,
        CheckoutStatus.Complete);

    /// <summary>The seats (session, seat) of the given backend items.</summary>
    public static List<(string SessionId, string SeatId)> Seats(IEnumerable<BookingCartItem> items) =>
        [.. items.Select(i => (i.SessionId, i.SeatId))];

    private static CartLine Line(string channel, string lineId, List<BookingCartItem> items, DateTimeOffset cartExpiry, IReadOnlyDictionary<string, DateTimeOffset> holds)
    {
        var first = items[0];
        var seats = items
            .Select(i => new HeldSeat(i.SeatId, i.SessionId, holds.GetValueOrDefault(BookingSeatHolds.Key(channel, i.SessionId, i.SeatId), cartExpiry), i.SeatLabel))
            .ToList();
        return new CartLine
        {
            Id = lineId,
            MerchandiseId = first.RateId,
            Title = $"{first.EventName}, {first.SessionName} ({first.RateName})",
            Quantity = items.Count,
            UnitPrice = first.Price,
            Total = items.Skip(1).Aggregate(first.Price, (sum, i) => sum + i.Price),
            Seats = seats,
            ExpiresAt = seats.Min(s => s.ExpiresAt),
        };
    }
}
