namespace CommerceGateway.Adapters.Example;

/// <summary>
/// The adapter for ExampleShop, a small made-up REST shop (API key auth, carts with lines, checkout
/// that authorizes a PSP token, orders captured and refunded later). It is the template that
/// docs/adding-an-adapter.md walks through: copy it, rename it, and replace the protocol.
/// </summary>
/// <remarks>
/// <para>
/// The SDK creates one instance per channel and shares it between requests, so the class keeps no
/// per-cart state: the shop's own cart id travels in <see cref="Cart.Backend"/>, which the gateway
/// stores with the cart. Any replica can therefore continue any checkout.
/// </para>
/// <para>
/// The <see cref="HttpClient"/> comes from the SDK with the channel's base URL and resilience
/// pipeline already applied (timeouts, retries of requests marked safe, circuit breaker). Transport
/// faults arrive here as typed exceptions; the adapter only maps the shop's own answers.
/// </para>
/// </remarks>
public sealed partial class ExampleShopBackend : CommerceBackend
{
    /// <summary>The adapter kind that channels name in <c>Channels:{name}:Adapter</c>.</summary>
    public const string Kind = "example";

    /// <summary>The credential holding the shop's API key, <c>Channels:{name}:Credentials:ApiKey</c>.</summary>
    public const string ApiKeyCredential = "ApiKey";

    /// <summary>What a channel can do when its configuration lists no capabilities.</summary>
    public const ChannelCapabilities DefaultCapabilities = ChannelCapabilities.CaptureLater | ChannelCapabilities.Refunds | ChannelCapabilities.LoyaltyDiscounts;

    /// <summary>The key under which the shop's cart id is kept in <see cref="Cart.Backend"/>.</summary>
    internal const string ShopCartId = "shopCartId";

    private readonly ExampleShopClient _client;

    /// <summary>
    /// Creates the backend of <paramref name="channel"/>. The SDK calls this once per channel; other
    /// constructor parameters (an <c>ILogger&lt;T&gt;</c>, <see cref="TimeProvider"/>...) would be
    /// resolved from the container.
    /// </summary>
    /// <param name="channel">The channel: name, base URL, credentials, capabilities.</param>
    /// <param name="http">The channel's client, base address and pipeline set by the SDK.</param>
    public ExampleShopBackend(Channel channel, HttpClient http)
        : base(channel) => _client = new ExampleShopClient(channel, http);

    /// <inheritdoc />
    public override async Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Refuse early what the channel cannot sell, with the input field at fault.
        if (Channel.DefaultCurrency is { } currency && currency != request.Currency)
        {
            throw Invalid($"Channel '{Channel.Name}' sells in {currency}, not {request.Currency}.", "currency");
        }

        var empty = new Cart
        {
            Id = request.CartId,
            Channel = Channel.Name,
            Currency = request.Currency,
            Buyer = request.Buyer,
            Totals = CartTotals.Zero(request.Currency),
        };
        using var answer = await _client.CreateCartAsync(request.Currency, cancellationToken);
        return ExampleShopReader.Cart(answer, empty);
    }

    /// <inheritdoc />
    /// <remarks>The shop has one line per SKU, so adding a SKU already in the cart raises its quantity.</remarks>
    public override async Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var input = lines[i];
            if (input.IsSeated || input.SeatIds is { Count: > 0 })
            {
                throw Invalid("ExampleShop sells merchandise, not seats.", $"lines[{i}].sessionId");
            }

            if (input.Quantity <= 0)
            {
                throw Invalid("A quantity must be positive.", $"lines[{i}].quantity");
            }

            var quantity = input.Quantity + (cart.FindLine(input.MerchandiseId)?.Quantity ?? 0);
            using var answer = await _client.SetLineAsync(ShopCartOf(cart), input.MerchandiseId, quantity, cancellationToken);
            cart = ExampleShopReader.Cart(answer, cart);
        }

        return cart;
    }

    /// <inheritdoc />
    public override async Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(updates);
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            if (update.Quantity < 0)
            {
                throw Invalid("A quantity must not be negative.", $"updates[{i}].quantity");
            }

            var line = RequireLine(cart, update.LineId, $"updates[{i}].lineId");

            // The shop's PUT sets the quantity, and 0 removes the line, which is the SDK's contract too.
            using var answer = await _client.SetLineAsync(ShopCartOf(cart), line.MerchandiseId, update.Quantity, cancellationToken);
            cart = ExampleShopReader.Cart(answer, cart);
        }

        return cart;
    }

    /// <inheritdoc />
    public override async Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lineIds);
        for (var i = 0; i < lineIds.Count; i++)
        {
            var line = RequireLine(cart, lineIds[i], $"lineIds[{i}]");
            using var answer = await _client.RemoveLineAsync(ShopCartOf(cart), line.MerchandiseId, cancellationToken);
            cart = ExampleShopReader.Cart(answer, cart);
        }

        return cart;
    }

    /// <inheritdoc />
    /// <remarks>The shop only knows the email; names and phone stay on the unified cart.</remarks>
    public override async Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(buyer);
        cart = cart with { Buyer = buyer };
        if (buyer.Email is { } email)
        {
            using var answer = await _client.SetEmailAsync(ShopCartOf(cart), email, cancellationToken);
            cart = ExampleShopReader.Cart(answer, cart);
        }

        return ExampleShopSteps.Refresh(cart);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The shop keeps one merchant discount per cart, on the order checkout creates, so both the order
    /// total and the amount authorized are the discounted total.
    /// </remarks>
    public override async Task<Cart> ApplyLoyaltyDiscountAsync(Cart cart, Money? discount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        // Taking a discount off stays possible after the capability is switched off, so none outlives it.
        if (discount is not null && !Channel.Supports(ChannelCapabilities.LoyaltyDiscounts))
        {
            return await NotSupported<Cart>(ChannelCapabilities.LoyaltyDiscounts);
        }

        using var answer = await _client.SetDiscountAsync(ShopCartOf(cart), discount, cancellationToken);
        return ExampleShopReader.Cart(answer, cart);
    }

    /// <summary>The shop's id of the cart, which <see cref="CreateCartAsync"/> stored.</summary>
    private static string ShopCartOf(Cart cart) => cart.Backend.Require(ShopCartId);

    private CartLine RequireLine(Cart cart, string lineId, string field) =>
        cart.FindLine(lineId)
        ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"The cart has no line '{lineId}'.", field: field);

    private BackendRejectedException Invalid(string message, string field) =>
        new(Channel.Name, CommerceErrorCodes.InvalidInput, message, field: field);
}
