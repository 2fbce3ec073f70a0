namespace CommerceGateway.Adapters.OrderFlow;

/// <content>Checkout steps, addresses and the single shipping service.</content>
public sealed partial class OrderFlowBackend
{
    /// <summary>The one shipping service OrderFlow has: its shipping call, at no charge (totals carry no shipping).</summary>
    private const string StandardShipping = "standard";

    /// <inheritdoc />
    public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "An empty cart cannot check out.", field: "lines");
        }

        if (cart.Checkout.Status == CheckoutStatus.Complete)
        {
            return Task.FromResult(cart);
        }

        return Task.FromResult(cart with { Checkout = Steps(cart, CheckoutStatus.Open) });
    }

    /// <inheritdoc />
    public override Task<Cart> UpdateAddressesAsync(Cart cart, Address? shipping, Address? billing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return Task.FromResult(Refresh(cart with { ShippingAddress = shipping ?? cart.ShippingAddress, BillingAddress = billing ?? cart.BillingAddress }));
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<ShippingOption>> GetShippingOptionsAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        IReadOnlyList<ShippingOption> options = [Standard(cart.Currency)];
        return Task.FromResult(options);
    }

    /// <inheritdoc />
    public override Task<Cart> SelectShippingOptionAsync(Cart cart, string optionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return optionId == StandardShipping
            ? Task.FromResult(cart with { ShippingOption = Standard(cart.Currency) })
            : Task.FromException<Cart>(new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"OrderFlow has one shipping service, '{StandardShipping}'.", field: "optionId"));
    }

    private static ShippingOption Standard(CurrencyCode currency) => new(StandardShipping, "OrderFlow shipping service", Money.Zero(currency));

    /// <summary>Recomputes the steps after a change, once checkout has begun; a content change reopens a failed payment.</summary>
    private static Cart Refresh(Cart cart, bool reopen = false)
    {
        if (cart.Checkout.Steps.Count == 0 || cart.Checkout.Status is CheckoutStatus.Complete or CheckoutStatus.Processing)
        {
            return cart;
        }

        var status = reopen ? CheckoutStatus.Open : cart.Checkout.Status;
        return cart with { Checkout = Steps(cart, status, status == CheckoutStatus.PaymentFailed ? cart.Checkout.FailureReason : null) };
    }

    /// <summary>Email (the buyer to notify), Address (where and to whom to ship), then Payment.</summary>
    private static CheckoutState Steps(Cart cart, CheckoutStatus status, string? failureReason = null)
    {
        var steps = new[]
        {
            CheckoutStep.Needs(CheckoutStepKind.Email, [.. Missing(cart.Buyer?.Email is null, "buyer.email")]),
            CheckoutStep.Needs(
                CheckoutStepKind.Address,
                [.. Missing(cart.ShippingAddress is null, "shippingAddress"), .. Missing(RecipientName(cart) is null, "recipient.name")]),
            CheckoutStep.Needs(CheckoutStepKind.Payment, "payment"),
        };
        return new CheckoutState(steps, steps.First(s => !s.Completed).Kind, status, FailureReason: failureReason);
    }

    private static CheckoutState Completed() =>
        new([CheckoutStep.Done(CheckoutStepKind.Email), CheckoutStep.Done(CheckoutStepKind.Address), CheckoutStep.Done(CheckoutStepKind.Payment), CheckoutStep.Done(CheckoutStepKind.Complete)], CheckoutStepKind.Complete, CheckoutStatus.Complete);

    private static IEnumerable<string> Missing(bool missing, string name) => missing ? [name] : [];

    private static string? RecipientName(Cart cart)
    {
        var name = cart.Buyer?.FullName;
        if (string.IsNullOrWhiteSpace(name) && cart.ShippingAddress is { } address)
        {
            name = $"{address.FirstName} {address.LastName}".Trim();
        }

        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The recipient as OrderFlow wants it: a name, a phone and one address line ("17 boulevard, apt 6, Brooklyn NY 11201, US").</summary>
    private static OrderFlowClient.Recipient Recipient(Cart cart)
    {
        var address = cart.ShippingAddress!;
        var locality = string.Join(' ', new[] { address.City, address.RegionCode, address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var line = string.Join(", ", new[] { address.Line1, address.Line2, locality, address.CountryCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new OrderFlowClient.Recipient(RecipientName(cart)!, cart.Buyer?.Phone ?? address.Phone, line);
    }
}
