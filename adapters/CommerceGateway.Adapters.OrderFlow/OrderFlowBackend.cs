using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>
/// The adapter for the OrderFlowAPI REST pipeline: cart (CartUpdated), invoice (InvoiceCreated),
/// payment (PaymentProcessed), shipping (OrderShipped) and email notifications. Every cart change
/// re-sends the whole cart to the backend's order, whose tax-inclusive totals become the cart's
/// totals; checkout runs the rest of the pipeline and records each event on the order's timeline.
/// </summary>
/// <remarks>
/// OrderFlow has no catalog: unit prices come from the channel's <c>Price.{merchandiseId}</c>
/// settings. The customer id sent to the backend is the gateway's cart id. Notifications are
/// best effort: a failed email never fails a paid order. A shipment that fails after payment is
/// retried when the order is read again.
/// </remarks>
public sealed partial class OrderFlowBackend : CommerceBackend
{
    /// <summary>The adapter kind, <c>"orderflow"</c>.</summary>
    public const string Kind = "orderflow";

    private readonly OrderFlowClient _client;
    private readonly OrderFlowPriceList _prices;
    private readonly ILogger<OrderFlowBackend> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the backend of <paramref name="channel"/>; the SDK supplies the channel's resilient client.</summary>
    /// <exception cref="InvalidOperationException">A <c>Price.*</c> setting is not a price.</exception>
    public OrderFlowBackend(Channel channel, HttpClient http, ILogger<OrderFlowBackend> logger, TimeProvider time)
        : base(channel)
    {
        _client = new OrderFlowClient(channel, http);
        _prices = new OrderFlowPriceList(channel);
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc />
    public override async Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Channel.DefaultCurrency is { } currency && currency != request.Currency)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"Channel '{Channel.Name}' sells in {currency}, not {request.Currency}.", field: "currency");
        }

        var answer = await _client.PutCartAsync(request.CartId, orderId: null, [], request.Currency, cancellationToken);
        return new Cart
        {
            Id = request.CartId,
            Channel = Channel.Name,
            Currency = request.Currency,
            Buyer = request.Buyer,
            Totals = Totals(answer, request.Currency),
            Backend = BackendData.Empty
                .With(OrderFlowCartKeys.OrderId, answer.OrderId)
                .With(OrderFlowCartKeys.CustomerId, request.CartId)
                .WithTime(OrderFlowEvents.CartUpdated, _time.GetUtcNow()),
        };
    }

    /// <inheritdoc />
    public override Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lines);
        var result = cart.Lines.ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var input = lines[i];
            if (input.IsSeated || input.SeatIds is { Count: > 0 })
            {
                throw Invalid($"OrderFlow sells merchandise, not seats.", $"lines[{i}].sessionId");
            }

            if (input.Quantity <= 0)
            {
                throw Invalid("A quantity must be positive.", $"lines[{i}].quantity");
            }

            var price = _prices.Find(input.MerchandiseId, cart.Currency)
                ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"Channel '{Channel.Name}' does not sell '{input.MerchandiseId}'.", field: $"lines[{i}].merchandiseId");
            var index = result.FindIndex(l => l.MerchandiseId == input.MerchandiseId);
            var quantity = input.Quantity + (index >= 0 ? result[index].Quantity : 0);
            var line = new CartLine { Id = input.MerchandiseId, MerchandiseId = input.MerchandiseId, Quantity = quantity, UnitPrice = price, Total = price * quantity };
            if (index >= 0)
            {
                result[index] = line;
            }
            else
            {
                result.Add(line);
            }
        }

        return SyncAsync(cart, result, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(updates);
        var result = cart.Lines.ToList();
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            if (update.Quantity < 0)
            {
                throw Invalid("A quantity must not be negative.", $"updates[{i}].quantity");
            }

            var index = IndexOf(result, update.LineId, $"updates[{i}].lineId");
            if (update.Quantity == 0)
            {
                result.RemoveAt(index);
            }
            else
            {
                result[index] = result[index] with { Quantity = update.Quantity, Total = result[index].UnitPrice * update.Quantity };
            }
        }

        return SyncAsync(cart, result, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lineIds);
        var result = cart.Lines.ToList();
        for (var i = 0; i < lineIds.Count; i++)
        {
            result.RemoveAt(IndexOf(result, lineIds[i], $"lineIds[{i}]"));
        }

        return SyncAsync(cart, result, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(buyer);
        if (buyer.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid("The buyer's email is not an email address.", "buyer.email");
        }

        // OrderFlow receives the buyer with the invoice, so there is nothing to send yet.
        return Task.FromResult(Refresh(cart with { Buyer = buyer }));
    }

    private async Task<Cart> SyncAsync(Cart cart, List<CartLine> lines, CancellationToken cancellationToken)
    {
        if (cart.Checkout.Status == CheckoutStatus.Complete)
        {
            throw new BackendConflictException(Channel.Name, "The cart is already ordered and paid; it can no longer change.");
        }

        var answer = await _client.PutCartAsync(cart.Backend.Require(OrderFlowCartKeys.CustomerId), cart.Backend.Require(OrderFlowCartKeys.OrderId), lines, cart.Currency, cancellationToken);
        var expected = lines.Aggregate(Money.Zero(cart.Currency), (sum, l) => sum + l.Total);
        if (answer.Total != expected)
        {
            throw new BackendProtocolException(Channel.Name, "totalAmount", $"expected the items' sum {expected}, found {answer.Total}");
        }

        // A cart change voids the backend's unpaid invoice, so checkout will invoice again.
        var updated = cart with
        {
            Lines = lines,
            Totals = Totals(answer, cart.Currency),
            Backend = cart.Backend
                .With(OrderFlowCartKeys.OrderId, answer.OrderId)
                .With(OrderFlowCartKeys.InvoiceId, null)
                .WithTime(OrderFlowEvents.CartUpdated, _time.GetUtcNow()),
        };
        return Refresh(updated, reopen: true);
    }

    private static CartTotals Totals(CartAnswer answer, CurrencyCode currency)
    {
        var zero = Money.Zero(currency);
        return new CartTotals(answer.Subtotal, zero, zero, answer.Tax, answer.Total, TaxesIncluded: true);
    }

    private int IndexOf(List<CartLine> lines, string lineId, string field)
    {
        var index = lines.FindIndex(l => l.Id == lineId);
        return index >= 0
            ? index
            : throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"The cart has no line '{lineId}'.", field: field);
    }

    private BackendRejectedException Invalid(string message, string field) =>
        new(Channel.Name, CommerceErrorCodes.InvalidInput, message, field: field);
}
