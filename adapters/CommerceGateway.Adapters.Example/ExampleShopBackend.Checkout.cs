namespace CommerceGateway.Adapters.Example;

/// <content>Checkout, payment and the order's life after it: read, capture, refund.</content>
public sealed partial class ExampleShopBackend
{
    /// <inheritdoc />
    /// <remarks>The shop has no checkout session to open, so this only lists the steps.</remarks>
    public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "An empty cart cannot check out.", field: "lines");
        }

        return Task.FromResult(cart.Checkout.Status == CheckoutStatus.Complete ? cart : cart with { Checkout = ExampleShopSteps.Open(cart) });
    }

    /// <summary>ExampleShop's checkout charges a PSP token; it cannot attach a transaction the PSP already authorized.</summary>
    public override bool TakesPspTransactions => false;

    /// <inheritdoc />
    /// <remarks>
    /// The shop authorizes the PSP token and creates the order in one call. That call moves money, so
    /// it is never retried (the SDK retries only requests marked safe). A decline is a business
    /// outcome, returned as data with the cart open for another payment, not thrown.
    /// </remarks>
    public override async Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        if (cart.Checkout.Status == CheckoutStatus.Complete)
        {
            throw new BackendConflictException(Channel.Name, $"Cart {cart.Id} is already paid (order {cart.OrderId}).");
        }

        if (ExampleShopSteps.Open(cart).NextIncomplete is { Kind: not CheckoutStepKind.Payment } step)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, $"The {step.Kind} step still needs {string.Join(", ", step.Missing)}.", field: step.Missing[0]);
        }

        // ExampleShop charges tokens only; an already-authorized PSP transaction cannot be attached.
        var token = payment.PspToken
            ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "ExampleShop takes a PSP token, not a transaction id.", field: "payment.pspToken");

        var (order, declined) = await _client.CheckoutAsync(ShopCartOf(cart), payment.Amount, token, cancellationToken);
        if (declined is not null)
        {
            var failed = cart with { Checkout = ExampleShopSteps.Open(cart, CheckoutStatus.PaymentFailed, declined) };
            return new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: declined);
        }

        using var answer = order!;
        var placed = ExampleShopReader.Order(answer, Channel.Name, cart.Currency);
        var completed = cart with { OrderId = placed.Id, Checkout = ExampleShopSteps.Completed() };
        return new PaymentOutcome(completed, placed.PaymentStatus, placed);
    }

    /// <inheritdoc />
    public override async Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var answer = await _client.GetOrderAsync(order.Id, cancellationToken);
        return ExampleShopReader.Order(answer, Channel.Name, order.Total.Currency);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Overriding this is what makes <see cref="ChannelCapabilities.CaptureLater"/> real; the base
    /// class raises <see cref="CapabilityNotSupportedException"/>. A channel that does not declare
    /// the capability is refused before the shop is called, so a channel's configuration can turn it off.
    /// </remarks>
    public override async Task<Order> CaptureAsync(Order order, Money? amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            return await base.CaptureAsync(order, amount, cancellationToken);
        }

        using var answer = await _client.CaptureAsync(order.Id, amount, cancellationToken);
        return ExampleShopReader.Order(answer, Channel.Name, order.Total.Currency);
    }

    /// <inheritdoc />
    public override async Task<Order> RefundAsync(Order order, Money amount, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Channel.Supports(ChannelCapabilities.Refunds))
        {
            return await base.RefundAsync(order, amount, reason, cancellationToken);
        }

        using var answer = await _client.RefundAsync(order.Id, amount, reason, cancellationToken);
        return ExampleShopReader.Order(answer, Channel.Name, order.Total.Currency);
    }
}
