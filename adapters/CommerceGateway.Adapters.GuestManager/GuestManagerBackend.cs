using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.GuestManager;

/// <summary>
/// The Guest-Manager-style ticket checkout backend: an order (created with the cart) walks the
/// backend's checkout state machine (email, tickets, address, delivery, form, payment, confirm;
/// then processing and complete, or requested / reserved), exposed step by step in the order the
/// backend gives. Payment is asynchronous: <see cref="SubmitPaymentAsync"/> may answer Processing
/// and <see cref="GetPaymentStatusAsync"/> polls with backoff. Orders hold their tickets for 15
/// minutes; <see cref="ResumeCheckoutAsync"/> re-reserves them after expiry.
/// </summary>
/// <remarks>
/// The order id, number, guest token and state live in <see cref="Cart.Backend"/>, so the adapter
/// keeps nothing per cart. Rate-limited calls (429) are sent again after a short Retry-After.
/// </remarks>
public sealed partial class GuestManagerBackend : CommerceBackend
{
    /// <summary>What the protocol supports: attendee names, forms, resume, shipping and coupons.</summary>
    public const ChannelCapabilities Capabilities =
        ChannelCapabilities.AttendeeNames | ChannelCapabilities.Forms | ChannelCapabilities.Resume
        | ChannelCapabilities.Shipping | ChannelCapabilities.DiscountCodes;

    private readonly GuestManagerApi _api;
    private readonly GuestManagerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the backend for one channel (the SDK's channel registry does this).</summary>
    /// <param name="channel">The channel; needs <c>Credentials:ApiKey</c>.</param>
    /// <param name="http">The channel's HttpClient, with its resilience pipeline.</param>
    /// <param name="logger">Logs ids and states, never personal data or payment references.</param>
    /// <param name="time">The clock for backoff and Retry-After waits.</param>
    public GuestManagerBackend(Channel channel, HttpClient http, ILogger<GuestManagerBackend> logger, TimeProvider time)
        : base(channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        _settings = GuestManagerSettings.From(channel);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _api = new GuestManagerApi(channel, http, _settings, time, _logger);
    }

    /// <summary>Creates the backend order that holds the cart (tickets are held from the moment they are added).</summary>
    public override async Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = new JsonObject { ["currency"] = request.Currency.Code, ["guest_checkout"] = true, ["line_items"] = new JsonArray() };
        AddBuyer(order, request.Buyer);
        var template = new Cart { Id = request.CartId, Channel = Channel.Name, Currency = request.Currency, Totals = CartTotals.Zero(request.Currency) };
        return await CallAsync(template, HttpMethod.Post, "orders", new JsonObject { ["order"] = order }, "CreateCart", safe: false, cancellationToken);
    }

    /// <summary>Adds each line with <c>line_items/add</c>; a sold-out or off-sale variant is refused with SOLD_OUT or OFF_SALE.</summary>
    public override async Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.FirstOrDefault(l => l.IsSeated || l.Quantity <= 0) is { } invalid)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput,
                invalid.IsSeated ? "Guest Manager sells tickets by variant; seat selection is not available." : "A line's quantity must be at least 1.",
                field: invalid.IsSeated ? "sessionId" : "quantity");
        }

        foreach (var line in lines)
        {
            var body = new JsonObject { ["variant_id"] = Id(line.MerchandiseId), ["quantity"] = line.Quantity };
            cart = await CallAsync(cart, HttpMethod.Post, $"orders/{OrderId(cart)}/line_items/add", body, "AddLines", safe: false, cancellationToken);
        }

        return cart;
    }

    /// <summary>Sends the full set of line quantities (<c>PATCH /orders/{id}</c>), which is idempotent; zero removes a line.</summary>
    public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(updates);
        var unknown = updates.FirstOrDefault(u => cart.FindLine(u.LineId) is null);
        if (unknown is not null || updates.Any(u => u.Quantity < 0))
        {
            throw new BackendRejectedException(Channel.Name, unknown is null ? CommerceErrorCodes.InvalidInput : CommerceErrorCodes.NotFound,
                unknown is null ? "A quantity cannot be negative." : $"The cart has no line '{unknown.LineId}'.", field: "lineId");
        }

        var quantities = cart.Lines.ToDictionary(l => l.Id, l => l.Quantity);
        foreach (var update in updates)
        {
            quantities[update.LineId] = update.Quantity;
        }

        return ReplaceLinesAsync(cart, quantities, "UpdateLines", cancellationToken);
    }

    /// <summary>Removes lines by sending the remaining ones; their tickets go back to inventory.</summary>
    public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lineIds);
        var quantities = cart.Lines.ToDictionary(l => l.Id, l => lineIds.Contains(l.Id) ? 0 : l.Quantity);
        return ReplaceLinesAsync(cart, quantities, "RemoveLines", cancellationToken);
    }

    /// <summary>
    /// Sets the guest's email, names and phone: as the data of the <c>email</c> step when the checkout
    /// is on it, else on the order.
    /// </summary>
    public override async Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(buyer);
        var data = new JsonObject();
        AddBuyer(data, buyer);
        return State(cart) == GuestManagerSteps.Email
            ? await SubmitStepAsync(cart, GuestManagerSteps.Email, data, "UpdateBuyer", cancellationToken)
            : await CallAsync(cart, HttpMethod.Patch, $"orders/{OrderId(cart)}", new JsonObject { ["order"] = data }, "UpdateBuyer", safe: true, cancellationToken);
    }

    private Task<Cart> ReplaceLinesAsync(Cart cart, Dictionary<string, int> quantities, string operation, CancellationToken cancellationToken)
    {
        var items = new JsonArray([.. cart.Lines
            .Where(l => quantities[l.Id] > 0)
            .Select(l => (JsonNode)new JsonObject { ["variant_id"] = Id(l.MerchandiseId), ["quantity"] = quantities[l.Id] })]);
        var body = new JsonObject { ["order"] = new JsonObject { ["line_items"] = items } };
        return CallAsync(cart, HttpMethod.Patch, $"orders/{OrderId(cart)}", body, operation, safe: true, cancellationToken);
    }

    private async Task<Cart> CallAsync(Cart cart, HttpMethod method, string path, JsonNode? body, string operation, bool safe, CancellationToken cancellationToken)
    {
        using var document = await _api.SendAsync(method, path, body, operation, safe, cancellationToken);
        var updated = GuestManagerCartReader.Read(cart, document.Root(Channel.Name));
        var state = State(updated);
        if (state != State(cart) && cart.Backend.Get(GuestManagerCartReader.StateKey) is not null)
        {
            var orderId = OrderId(updated);
            GuestManagerLog.StateChanged(_logger, Channel.Name, orderId, state);
        }

        return updated;
    }

    private string OrderId(Cart cart) =>
        cart.Backend.Get(GuestManagerCartReader.OrderIdKey)
        ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"Cart '{cart.Id}' has no Guest Manager order; create the cart through this channel first.");

    private static string State(Cart cart) => cart.Backend.Get(GuestManagerCartReader.StateKey) ?? GuestManagerSteps.Cart;

    private static void AddBuyer(JsonObject order, Buyer? buyer)
    {
        if (buyer is null)
        {
            return;
        }

        order["email"] = buyer.Email;
        order["first_name"] = buyer.FirstName;
        order["last_name"] = buyer.LastName;
        order["phone_number"] = buyer.Phone;
    }

    /// <summary>Ids go out as numbers when they are numbers, as the backend sends them.</summary>
    private static JsonValue Id(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(id);
}
