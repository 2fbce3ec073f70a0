using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// Reads OrderFlow request bodies leniently, as the source's clients send them: ids and amounts may
/// be JSON numbers or strings ("200.0", 200), and amounts are read exactly as decimals.
/// </summary>
internal static class OrderFlowRequestReader
{
    public static JsonElement Object(JsonElement body)
    {
        return body.ValueKind == JsonValueKind.Object ? body : throw OrderFlowRequestException.Invalid("The body must be a JSON object.");
    }

    public static string RequiredText(JsonElement body, string name) =>
        OptionalText(body, name) ?? throw OrderFlowRequestException.Invalid($"'{name}' is required.");

    public static string? OptionalText(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw OrderFlowRequestException.Invalid($"'{name}' must be a string or a number."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public static decimal RequiredAmount(JsonElement body, string name, string? path = null)
    {
        var text = OptionalText(body, name) ?? throw OrderFlowRequestException.Invalid($"'{path ?? name}' is required.");
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw OrderFlowRequestException.Invalid($"'{path ?? name}' must be a decimal amount, found '{text}'.");
    }

    public static int RequiredQuantity(JsonElement body, string path)
    {
        var text = OptionalText(body, "quantity") ?? throw OrderFlowRequestException.Invalid($"'{path}.quantity' is required.");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) && quantity > 0
            ? quantity
            : throw OrderFlowRequestException.Invalid($"'{path}.quantity' must be a positive whole number, found '{text}'.");
    }

    public static IReadOnlyList<RequestedItem> Items(JsonElement body)
    {
        if (!body.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw OrderFlowRequestException.Invalid("'items' must be an array.");
        }

        var result = new List<RequestedItem>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"items[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw OrderFlowRequestException.Invalid($"'{path}' must be an object.");
            }

            var productId = OptionalText(item, "productId") ?? throw OrderFlowRequestException.Invalid($"'{path}.productId' is required.");
            var price = RequiredAmount(item, "price", $"{path}.price");
            if (price < 0m)
            {
                throw OrderFlowRequestException.Invalid($"'{path}.price' must not be negative.");
            }

            result.Add(new RequestedItem(productId, RequiredQuantity(item, path), price));
        }

        return result;
    }

    internal sealed record RequestedItem(string ProductId, int Quantity, decimal Price);
}
