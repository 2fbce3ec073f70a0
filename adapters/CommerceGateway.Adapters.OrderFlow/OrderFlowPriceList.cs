namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>
/// The channel's prices. OrderFlow has no catalog: the caller sends each item's unit price, so the
/// channel knows its prices from settings named <c>Price.{merchandiseId}</c> (e.g.
/// <c>"Price.1234": "50.00"</c>), in the channel's currency. A malformed price refuses to start.
/// </summary>
internal sealed class OrderFlowPriceList
{
    public const string Prefix = "Price.";

    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);

    public OrderFlowPriceList(Channel channel)
    {
        foreach (var (name, value) in channel.Settings)
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = name[Prefix.Length..];
            if (id.Length == 0 || !Money.TryParseAmount(value, out var price) || price < 0m)
            {
                throw new InvalidOperationException(
                    $"Channel '{channel.Name}': setting '{name}' must name a merchandise id and hold a non-negative decimal price such as \"50.00\", found \"{value}\".");
            }

            _prices[id] = price;
        }
    }

    /// <summary>The unit price of <paramref name="merchandiseId"/>, or null when the channel does not sell it.</summary>
    public Money? Find(string merchandiseId, CurrencyCode currency) =>
        _prices.TryGetValue(merchandiseId, out var price) ? new Money(price, currency) : null;
}
