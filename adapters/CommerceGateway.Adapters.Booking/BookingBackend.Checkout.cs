using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox.Http;
using CommerceGateway.Adapters.OneBox.Protocol;
using static CommerceGateway.Adapters.OneBox.Http.BookingHttp;

namespace CommerceGateway.Adapters.OneBox;

/// <content>Buyer, checkout and the purchase flow: createOrder (PURCHASE) then commitOrder with the amount paid.</content>
public sealed partial class BookingBackend
{
    /// <inheritdoc />
    public override async Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(buyer);
        if (string.IsNullOrWhiteSpace(buyer.Email))
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "The booking backend needs the buyer's email.", field: "buyer.email");
        }

        List<KeyValuePair<string, string>> fields = [Field("token", Token(cart)), Field("email", buyer.Email)];
        AddIfGiven(fields, "firstName", buyer.FirstName);
        AddIfGiven(fields, "lastName", buyer.LastName);
        AddIfGiven(fields, "telephone", buyer.Phone);
        var snapshot = await CartCallAsync("shoppingCart/clientData", "UpdateBuyer", fields, cancellationToken, safeToRetry: true);
        return await AfterChangeAsync(cart with { Buyer = buyer }, snapshot, cancellationToken);
    }

    /// <summary>Sets the channel's delivery method (electronic tickets by default) and lists the steps: contact details, then payment.</summary>
    public override async Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "The cart has no seats to check out.");
        }

        var snapshot = await SetDeliveryAsync(cart, cancellationToken);
        return await AfterChangeAsync(cart with { Checkout = BookingCartBuilder.Steps(cart.Buyer) }, snapshot, cancellationToken);
    }

    /// <summary>
    /// Creates the PURCHASE order (createOrder, which moves no money and locks the seats 45 minutes),
    /// so its order code is stored with the cart before commitOrder collects: a commit whose answer is
    /// lost can then be looked up. The amount is checked first, as <see cref="SubmitPaymentAsync"/> does.
    /// </summary>
    public override async Task<Cart> PreparePaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        EnsurePayable(cart, payment);
        return cart.Backend.Get(BookingCartBuilder.OrderCodeKey) is null
            ? await CreateOrderAsync(cart, "PURCHASE", cancellationToken)
            : cart;
    }

    /// <summary>
    /// Reads the prepared order (<c>GET /order/details</c>): committed means the payment went through
    /// (Paid, with the order, and the seats' holds released as sold); pending means no commit took
    /// place (Pending, the cart pays the same order again). A cart whose order was never prepared
    /// cannot be looked up (null).
    /// </summary>
    public override async Task<PaymentOutcome?> LookUpPaymentAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Backend.Get(BookingCartBuilder.OrderCodeKey) is not { } orderCode)
        {
            return null;
        }

        var snapshot = await OrderDetailsAsync(orderCode, cancellationToken);
        if (!snapshot.Committed)
        {
            return new PaymentOutcome(cart, PaymentStatus.Pending);
        }

        await _holds.ReleaseAsync(cart.Id, null, "seats sold", cancellationToken);
        var order = ToOrder(snapshot, pspTransactionId: null);
        return new PaymentOutcome(cart with { Checkout = BookingCartBuilder.Completed(), OrderId = order.Id }, PaymentStatus.Paid, order);
    }

    /// <summary>
    /// Creates the PURCHASE order (which locks the seats 45 minutes; the store's holds follow) unless
    /// <see cref="PreparePaymentAsync"/> did, and commits it with the amount paid. An amount below the cart total is refused with Underpaid, one
    /// above it with InvalidInput (the protocol has no refund), before anything changes; a declined
    /// payment keeps the order for another attempt.
    /// </summary>
    public override async Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        EnsurePayable(cart, payment);
        var unprepared = cart.Backend.Get(BookingCartBuilder.OrderCodeKey) is null;
        if (unprepared)
        {
            cart = await CreateOrderAsync(cart, "PURCHASE", cancellationToken);
        }

        var orderCode = cart.Backend.Require(BookingCartBuilder.OrderCodeKey);
        BookingOrderSnapshot committed;
        try
        {
            committed = await CommitAsync(orderCode, payment.Amount, payment, cancellationToken);
        }
        catch (CommerceException e) when (e.RequestNotSent && unprepared)
        {
            // The order this call created locks the seats, and the caller's cart does not know its code.
            throw AfterPaymentReachedBackend(e);
        }
        catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.PaymentDeclined)
        {
            var failed = cart with { Checkout = BookingCartBuilder.Steps(cart.Buyer, CheckoutStatus.PaymentFailed, e.BackendMessage) };
            return new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: e.BackendMessage);
        }

        await _holds.ReleaseAsync(cart.Id, null, "seats sold", cancellationToken);
        var order = ToOrder(committed, payment.PspTransactionId);
        var complete = cart with { Checkout = BookingCartBuilder.Completed(), OrderId = order.Id };
        return new PaymentOutcome(complete, PaymentStatus.Paid, order);
    }

    /// <inheritdoc />
    public override async Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = await OrderDetailsAsync(order.Id, cancellationToken);
        return ToOrder(snapshot, order.PspTransactionId);
    }

    private async Task<BookingCartSnapshot> SetDeliveryAsync(Cart cart, CancellationToken cancellationToken) =>
        await CartCallAsync(
            "shoppingCart/delivery",
            "BeginCheckout",
            [Field("token", Token(cart)), Field("type", Channel.Setting(BookingSettings.DeliveryType, "EMAIL")!), Field("orderDeliveryCost", "0")],
            cancellationToken,
            safeToRetry: true);

    /// <summary>createOrder: the cart becomes an order and the backend locks its seats 45 minutes; so does the store.</summary>
    private async Task<Cart> CreateOrderAsync(Cart cart, string orderType, CancellationToken cancellationToken)
    {
        if (cart.Backend.Get(BookingCartBuilder.DeliveryKey) is null)
        {
            cart = BookingCartBuilder.Build(cart, await SetDeliveryAsync(cart, cancellationToken), await _holds.CurrentAsync(cart.Id, cancellationToken));
        }

        var order = await OrderCallAsync(
            "order/createOrder",
            orderType == "BOOKING" ? "CreateBooking" : "SubmitPayment",
            [Field("token", Token(cart)), Field("orderType", orderType)],
            cancellationToken);
        var holds = await _holds.ExtendAsync(cart.Id, BookingSettings.OrderHold(Channel), cancellationToken);
        return BookingCartBuilder.WithDeadlines(cart, holds) with
        {
            Backend = cart.Backend.With(BookingCartBuilder.OrderCodeKey, order.OrderCode),
        };
    }

    /// <summary>
    /// commitOrder with the amount paid now: <paramref name="amount"/>, with <paramref name="payment"/>'s
    /// reference when something is collected; zero with no reference when earlier payments cover the order.
    /// </summary>
    private Task<BookingOrderSnapshot> CommitAsync(string orderCode, Money amount, PaymentInstruction? payment, CancellationToken cancellationToken) =>
        OrderCallAsync(
            "order/commitOrder",
            "CommitOrder",
            payment is null || amount.Amount == 0m
                ? [Field("orderCode", orderCode), Field("payments[0].amount", amount)]
                :
                [
                    Field("orderCode", orderCode),
                    Field("payments[0].amount", amount),
                    Field("payments[0].type", payment.PspName ?? "GATEWAY"),
                    Field("payments[0].reference", payment.PspTransactionId ?? payment.PspToken!),
                ],
            cancellationToken);

    private async Task<BookingOrderSnapshot> OrderCallAsync(string path, string operation, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var document = await _http.PostAsync(path, operation, fields, cancellationToken);
        return BookingOrderSnapshot.Read(document.Root(Channel.Name));
    }

    private async Task<BookingOrderSnapshot> OrderDetailsAsync(string orderCode, CancellationToken cancellationToken)
    {
        using var document = await _http.GetAsync($"order/details?orderCode={Uri.EscapeDataString(orderCode)}", "OrderDetails", cancellationToken);
        return BookingOrderSnapshot.Read(document.Root(Channel.Name));
    }

    private void EnsurePayable(Cart cart, PaymentInstruction payment)
    {
        EnsureReadyToOrder(cart);
        if (payment.Amount < cart.Totals.Total)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.Underpaid, $"The payment of {payment.Amount} is below the cart total of {cart.Totals.Total}.", field: "payment.amount");
        }

        if (payment.Amount > cart.Totals.Total)
        {
            // commitOrder takes any amount at or above the total, and the protocol cannot refund the excess.
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"The payment of {payment.Amount} is above the cart total of {cart.Totals.Total}.", field: "payment.amount");
        }
    }

    private void EnsureReadyToOrder(Cart cart)
    {
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "The cart has no seats to order.");
        }

        if (string.IsNullOrWhiteSpace(cart.Buyer?.Email))
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "Give the buyer's email before ordering.", field: "buyer.email");
        }
    }

    private Order ToOrder(BookingOrderSnapshot snapshot, string? pspTransactionId)
    {
        var ticketsIssued = snapshot.Committed && snapshot.Items.Count > 0 && snapshot.Items.All(i => i.Barcode is not null);
        return new Order
        {
            Id = snapshot.OrderCode,
            Channel = Channel.Name,
            Number = snapshot.Locator ?? snapshot.OrderCode,
            Status = !snapshot.Committed ? OrderStatus.Pending : ticketsIssued ? OrderStatus.Fulfilled : OrderStatus.Placed,
            PaymentStatus = snapshot.Committed ? PaymentStatus.Paid : PaymentStatus.Pending,
            Total = snapshot.Total,
            AmountPaid = snapshot.Paid,
            AmountRefunded = Money.Zero(snapshot.Total.Currency),
            PspTransactionId = pspTransactionId,
            Lines = [.. snapshot.Items.Select(i => new OrderLine(i.Id, i.RateId ?? string.Empty, 1, i.Price, i.Label, i.Barcode))],
            CreatedAt = snapshot.CreatedAt,
            Backend = BackendData.Empty.With(BookingCartBuilder.OrderCodeKey, snapshot.OrderCode),
        };
    }

    private static void AddIfGiven(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(Field(name, value));
        }
    }
}
