using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A small but real backend for orchestration tests: every variant costs 10.00 USD, checkout needs
/// an email then payment, "tok_decline" is declined, "tok_refused" is declined by an exception (as an
/// adapter may), "tok_slow" is processed asynchronously and "tok_slow_decline" is declined after
/// processing, "tok_expired" finds the reservation lapsed, "tok_invalid" is refused as malformed, "tok_unreachable" never reaches the backend
/// (its connection refused), "tok_lost" charges but its answer is lost (a timeout) and "tok_lost_decline" is
/// declined with its answer lost, which a look-up then reports (other lost answers it cannot tell). Paid orders can be refunded, in parts, up to
/// what was paid. Carts become bookings at the shared <see cref="TestBookingDesk"/>.
/// A loyalty discount stays on the cart (and the order it becomes) until replaced or removed, and the
/// payment must be exactly the cart's total after it.
/// </summary>
public sealed class TestShopBackend(Channel channel, ChargeLedger ledger, TestBookingDesk desk) : CommerceBackend(channel)
{
    private const string LoyaltyDiscountKey = "loyaltyDiscount";
    private const string DeclineLaterKey = "declineLater";
    private static readonly Money Price = Money.Of(10m, "USD");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _lostDeclines = new(StringComparer.Ordinal);

    public override Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken) =>
        Task.FromResult(new Cart { Id = request.CartId, Channel = Channel.Name, Currency = request.Currency, Totals = CartTotals.Zero(request.Currency) });

    public override async Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        // A little latency makes concurrent changes overlap for real.
        await Task.Delay(5, cancellationToken);
        if (lines.Any(l => l.MerchandiseId == "sold-out"))
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.SoldOut, "That item is sold out.", "OUT_OF_STOCK", field: "merchandiseId");
        }

        var added = lines.Select((l, i) => new CartLine { Id = $"line-{cart.Lines.Count + i + 1}", MerchandiseId = l.MerchandiseId, Quantity = l.Quantity, UnitPrice = Price, Total = Price * l.Quantity });
        return Priced(cart with { Lines = [.. cart.Lines, .. added] });
    }

    public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken) =>
        Task.FromResult(Priced(cart with
        {
            Lines = [.. cart.Lines
                .Select(l => updates.FirstOrDefault(u => u.LineId == l.Id) is { } u ? l with { Quantity = u.Quantity, Total = Price * u.Quantity } : l)
                .Where(l => l.Quantity > 0)],
        }));

    public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken) =>
        Task.FromResult(Priced(cart with { Lines = [.. cart.Lines.Where(l => !lineIds.Contains(l.Id))] }));

    public override Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken) =>
        Task.FromResult(Stepped(cart with { Buyer = buyer }));

    public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken) => Task.FromResult(Stepped(cart));

    public override Task<Cart> ApplyLoyaltyDiscountAsync(Cart cart, Money? discount, CancellationToken cancellationToken) =>
        Task.FromResult(Priced(cart with { Backend = cart.Backend.With(LoyaltyDiscountKey, discount?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)) }));

    public override Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        if (payment.Amount != cart.Totals.Total)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"The payment of {payment.Amount} must equal the cart total {cart.Totals.Total}.", "AMOUNT_MISMATCH", field: "payment.amount");
        }

        if (payment.PspToken == "tok_decline")
        {
            var failed = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.PaymentFailed, Current = CheckoutStepKind.Payment, FailureReason = "Card declined" } };
            return Task.FromResult(new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: "Card declined"));
        }

        if (payment.PspToken == "tok_refused")
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.PaymentDeclined, "Card refused by the issuer", "DO_NOT_HONOR");
        }

        if (payment.PspToken == "tok_slow_decline")
        {
            var reviewing = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Processing, Current = CheckoutStepKind.Processing }, Backend = cart.Backend.With(DeclineLaterKey, "true") };
            return Task.FromResult(new PaymentOutcome(reviewing, PaymentStatus.Processing, PollAfter: TimeSpan.FromMilliseconds(10)));
        }

        if (payment.PspToken == "tok_expired")
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.HoldExpired, "The reservation lapsed; resume the checkout.", "EXPIRED");
        }

        if (payment.PspToken == "tok_invalid")
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "The payment token is malformed.", "BAD_TOKEN", field: "payment.pspToken");
        }

        if (payment.PspToken == "tok_lost_decline")
        {
            _lostDeclines[cart.Id] = true;
            throw new BackendTimeoutException(Channel.Name, TimeSpan.FromSeconds(15));
        }

        if (payment.PspToken == "tok_unreachable")
        {
            throw new BackendUnavailableException(Channel.Name, $"The {Channel.Name} backend could not be reached: ConnectionError.", requestNotSent: true);
        }

        ledger.Charge(payment.Amount);
        if (payment.PspToken == "tok_lost")
        {
            throw new BackendTimeoutException(Channel.Name, TimeSpan.FromSeconds(15));
        }

        if (payment.PspToken == "tok_slow")
        {
            var processing = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Processing, Current = CheckoutStepKind.Processing } };
            return Task.FromResult(new PaymentOutcome(processing, PaymentStatus.Processing, PollAfter: TimeSpan.FromMilliseconds(10)));
        }

        return Task.FromResult(Paid(cart));
    }

    public override Task<PaymentOutcome?> LookUpPaymentAsync(Cart cart, CancellationToken cancellationToken) =>
        Task.FromResult(_lostDeclines.TryRemove(cart.Id, out _)
            ? new PaymentOutcome(cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.PaymentFailed, Current = CheckoutStepKind.Payment, FailureReason = "Card declined" } }, PaymentStatus.Failed, FailureReason: "Card declined")
            : null);

    public override Task<PaymentOutcome> GetPaymentStatusAsync(Cart cart, CancellationToken cancellationToken) =>
        Task.FromResult((cart.Checkout.Status, cart.Backend.Get(DeclineLaterKey)) switch
        {
            (CheckoutStatus.Processing, "true") => new PaymentOutcome(
                cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.PaymentFailed, Current = CheckoutStepKind.Payment, FailureReason = "Declined after review" }, Backend = cart.Backend.With(DeclineLaterKey, null) },
                PaymentStatus.Failed,
                FailureReason: "Declined after review"),
            (CheckoutStatus.Processing, _) => Paid(cart),
            _ => new PaymentOutcome(cart, PaymentStatus.Pending),
        });

    public override Task<Booking> CreateBookingAsync(Cart cart, CancellationToken cancellationToken) => Task.FromResult(desk.Create(cart));

    public override Task<Booking> GetBookingAsync(Booking booking, CancellationToken cancellationToken) => Task.FromResult(desk.Get(booking.Id));

    public override async Task<Booking> CommitBookingAsync(Booking booking, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        // Latency, so concurrent attempts overlap for real.
        await Task.Delay(20, cancellationToken);
        return desk.Commit(booking.Id, payment);
    }

    public override async Task<Order> PurchaseBookingAsync(Booking booking, IReadOnlyList<string>? itemIds, PaymentInstruction? payment, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        return desk.Purchase(booking.Id, itemIds, payment);
    }

    public override Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken) => Task.FromResult(order);

    public override Task<Order> RefundAsync(Order order, Money amount, string? reason, CancellationToken cancellationToken)
    {
        var refunded = order.AmountRefunded + amount;
        if (refunded > order.AmountPaid)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"At most {order.AmountPaid - order.AmountRefunded} can be refunded.", "REFUND_EXCEEDS_PAID", field: "amount");
        }

        var status = refunded == order.AmountPaid ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        return Task.FromResult(order with { AmountRefunded = refunded, PaymentStatus = status });
    }

    private PaymentOutcome Paid(Cart cart)
    {
        var complete = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Complete, Current = CheckoutStepKind.Complete } };
        var order = new Order
        {
            Id = "backend-order-" + cart.Id,
            Channel = Channel.Name,
            Status = OrderStatus.Placed,
            PaymentStatus = PaymentStatus.Paid,
            Total = cart.Totals.Total,
            AmountPaid = cart.Totals.Total,
            AmountRefunded = Money.Zero(cart.Currency),
            Lines = [.. cart.Lines.Select(l => new OrderLine(l.Id, l.MerchandiseId, l.Quantity, l.Total, l.Title))],
        };
        return new PaymentOutcome(complete, PaymentStatus.Paid, order);
    }

    private static Cart Priced(Cart cart)
    {
        var subtotal = cart.Lines.Aggregate(Money.Zero(cart.Currency), (sum, l) => sum + l.Total);
        var zero = Money.Zero(cart.Currency);
        var discount = cart.Backend.Get(LoyaltyDiscountKey) is { } stored ? Money.Parse(stored, cart.Currency) : zero;
        discount = discount > subtotal ? subtotal : discount;
        return cart with { Totals = new CartTotals(subtotal, discount, zero, zero, subtotal - discount, LoyaltyDiscount: discount.Amount > 0m ? discount : null) };
    }

    private static Cart Stepped(Cart cart) => cart with
    {
        Checkout = new CheckoutState(
            [cart.Buyer?.Email is null ? CheckoutStep.Needs(CheckoutStepKind.Email, "buyer.email") : CheckoutStep.Done(CheckoutStepKind.Email), CheckoutStep.Needs(CheckoutStepKind.Payment, "payment")],
            cart.Buyer?.Email is null ? CheckoutStepKind.Email : CheckoutStepKind.Payment,
            CheckoutStatus.Open),
    };
}
