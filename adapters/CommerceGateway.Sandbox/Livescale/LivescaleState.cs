using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// The Livescale merchant server's in-memory state: access tokens, baskets, orders and stock.
/// Baskets, orders and stock change only under <see cref="Gate"/>, so concurrent calls on one
/// basket never interleave.
/// </summary>
internal sealed class LivescaleState(TimeProvider time)
{
    /// <summary>Lifetime of an access token.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, LivescaleAccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LivescaleBasket> _baskets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LivescaleOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stock = new(LivescaleSeed.InitialStock, StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = time;

    public LivescaleAccessToken IssueToken(LivescaleMerchant merchant)
    {
        var token = new LivescaleAccessToken(NewId("lsat_", 24), merchant, Time.GetUtcNow() + TokenLifetime);
        _tokens[token.Value] = token;
        return token;
    }

    /// <summary>The live token with this value, or null when unknown or expired.</summary>
    public LivescaleAccessToken? FindToken(string value)
    {
        if (!_tokens.TryGetValue(value, out var token))
        {
            return null;
        }

        if (Time.GetUtcNow() < token.ExpiresAt)
        {
            return token;
        }

        _tokens.TryRemove(value, out _);
        return null;
    }

    /// <summary>Creates a basket; call under <see cref="Gate"/>.</summary>
    public LivescaleBasket CreateBasket(LivescaleMerchant merchant, string customerToken)
    {
        var basket = new LivescaleBasket(NewId("bsk_", 12), merchant, customerToken);
        _baskets[basket.Id] = basket;
        return basket;
    }

    /// <summary>The merchant's basket with this id, or null; call under <see cref="Gate"/>.</summary>
    public LivescaleBasket? FindBasket(LivescaleMerchant merchant, string id) =>
        _baskets.TryGetValue(id, out var basket) && basket.Merchant == merchant ? basket : null;

    /// <summary>The merchant's order with this id, or null; call under <see cref="Gate"/>.</summary>
    public LivescaleOrder? FindOrder(LivescaleMerchant merchant, string id) =>
        _orders.TryGetValue(id, out var order) && order.Basket.Merchant == merchant ? order : null;

    /// <summary>Units of <paramref name="sku"/> in stock; call under <see cref="Gate"/>.</summary>
    public int StockOf(string sku) => _stock.GetValueOrDefault(sku);

    /// <summary>
    /// Takes the basket's units from stock and records the order, or returns the first SKU short of
    /// stock and changes nothing; call under <see cref="Gate"/>.
    /// </summary>
    public (LivescaleOrder? Order, string? ShortSku) CreateOrder(LivescaleBasket basket, decimal total)
    {
        var wanted = basket.Items.GroupBy(i => i.Sku).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity), StringComparer.Ordinal);
        var shortSku = wanted.FirstOrDefault(w => StockOf(w.Key) < w.Value).Key;
        if (shortSku is not null)
        {
            return (null, shortSku);
        }

        foreach (var (sku, quantity) in wanted)
        {
            _stock[sku] -= quantity;
        }

        var order = new LivescaleOrder(NewId("ord_", 12), basket, total, wanted);
        _orders[order.Id] = order;
        basket.OrderId = order.Id;
        return (order, null);
    }

    /// <summary>Fails the order: its units go back to stock and its basket can be ordered again; call under <see cref="Gate"/>.</summary>
    public void FailOrder(LivescaleOrder order, string reason)
    {
        if (order.Status == LivescaleOrderStatus.Failed)
        {
            return;
        }

        order.Status = LivescaleOrderStatus.Failed;
        order.PaymentStatus = LivescaleOrderStatus.Failed;
        order.Reason = reason;
        foreach (var (sku, quantity) in order.Reserved)
        {
            _stock[sku] += quantity;
        }

        if (order.Basket.OrderId == order.Id)
        {
            order.Basket.OrderId = null;
        }
    }

    public static string NewId(string prefix, int bytes) =>
        prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
