using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// The body of <c>POST /loyalty/accounts/{spendgo_id}/orders</c>: <c>{order_id, store_code, status,
/// items[{sku, name, quantity, price}], subtotal, reward{id}, discount, currency?}</c>. Amounts are
/// read exactly from numbers or numeric strings.
/// </summary>
internal sealed record SpendgoOrderRequest(
    string OrderId,
    string StoreCode,
    SpendgoOrderStatus Status,
    IReadOnlyList<SpendgoItem> Items,
    decimal Subtotal,
    string? RewardId,
    decimal? Discount)
{
    public static SpendgoOrderRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SpendgoException.Invalid("invalid_request", "The body must be a JSON object.");
        }

        var orderId = Text(body, "order_id") ?? throw Missing("order_id");
        if (orderId.Length > 64)
        {
            throw SpendgoException.Invalid("invalid_request", "order_id is longer than 64 characters.");
        }

        var statusText = Text(body, "status") ?? throw Missing("status");
        if (!TryStatus(statusText, out var status))
        {
            throw SpendgoException.Invalid("invalid_status", $"status '{statusText}' is not one of checkout, placed, billed, completed, voided, refunded.");
        }

        var currency = Text(body, "currency");
        if (currency is not null && !string.Equals(currency, SpendgoSeed.Currency, StringComparison.Ordinal))
        {
            throw SpendgoException.Invalid("invalid_currency", $"The account's currency is {SpendgoSeed.Currency}; the order is in {currency}.");
        }

        return new SpendgoOrderRequest(
            orderId,
            Text(body, "store_code") ?? throw Missing("store_code"),
            status,
            ReadItems(body),
            Amount(body, "subtotal") ?? throw Missing("subtotal"),
            RewardIdOf(body),
            Amount(body, "discount"));
    }

    // Statuses are lower-case words on the wire; "Placed" or "PLACED" are refused, not guessed.
    private static bool TryStatus(string text, out SpendgoOrderStatus status)
    {
        status = Enum.GetValues<SpendgoOrderStatus>().FirstOrDefault(s => SpendgoJson.Status(s) == text);
        return SpendgoJson.Status(status) == text;
    }

    private static string? RewardIdOf(JsonElement body)
    {
        // One reward per order: a list of several is refused rather than silently trimmed.
        if (body.TryGetProperty("rewards", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            if (list.GetArrayLength() > 1)
            {
                throw SpendgoException.Unprocessable("one_reward_per_order", $"Only one reward can be redeemed per order; {list.GetArrayLength()} were sent.");
            }

            if (list.GetArrayLength() == 1)
            {
                return RewardObjectId(list[0], "rewards[0]");
            }
        }

        return body.TryGetProperty("reward", out var reward) && reward.ValueKind != JsonValueKind.Null ? RewardObjectId(reward, "reward") : null;
    }

    private static string RewardObjectId(JsonElement reward, string field) =>
        reward.ValueKind == JsonValueKind.Object ? Text(reward, "id") ?? throw Missing(field + ".id") : throw SpendgoException.Invalid("invalid_request", $"{field} must be an object with an id.");

    private static List<SpendgoItem> ReadItems(JsonElement body)
    {
        if (!body.TryGetProperty("items", out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw SpendgoException.Invalid("invalid_request", "items must be an array.");
        }

        var list = new List<SpendgoItem>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"items[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw SpendgoException.Invalid("invalid_request", $"{at} must be an object.");
            }

            var quantity = item.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var n) && n > 0
                ? n
                : throw SpendgoException.Invalid("invalid_request", $"{at}.quantity must be a whole number above zero.");
            list.Add(new SpendgoItem(Text(item, "sku") ?? throw Missing(at + ".sku"), Text(item, "name"), quantity, Amount(item, "price") ?? throw Missing(at + ".price")));
        }

        return list;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static decimal? Amount(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw SpendgoException.Invalid("invalid_request", $"{name} must be a non-negative amount (a number or a numeric string).");
    }

    private static SpendgoException Missing(string field) => SpendgoException.Invalid("invalid_request", $"{field} is required.");
}
