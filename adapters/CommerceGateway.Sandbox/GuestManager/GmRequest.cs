using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>Lenient reading of request JSON: ids and amounts may come as numbers or strings.</summary>
internal static class GmRequest
{
    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return EmptyObject();
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw GmError.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The <c>order</c> object of a body, or the body itself when it is not wrapped.</summary>
    public static JsonElement OrderOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object ? order : body;

    public static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static JsonElement? Get(JsonElement obj, string name) =>
        Has(obj, name) ? obj.GetProperty(name) : null;

    public static string? Text(JsonElement obj, string name) => Get(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        null => null,
        _ => throw GmError.Validation(name, "invalid", "must be a string or number"),
    };

    public static long? Long(JsonElement obj, string name, string field)
    {
        var text = Text(obj, name);
        return text is null ? null
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw GmError.Validation(field, "invalid", "must be a whole number");
    }

    public static decimal? Decimal(JsonElement obj, string name, string field)
    {
        var text = Text(obj, name);
        return text is null ? null
            : decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
            : throw GmError.Validation(field, "invalid", "must be a decimal number");
    }

    public static bool Bool(JsonElement obj, string name) => Get(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } value => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase) || value.GetString() == "1",
        _ => false,
    };

    public static IReadOnlyList<JsonElement> Array(JsonElement obj, string name, string field) => Get(obj, name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray()],
        _ => throw GmError.Validation(field, "invalid", "must be an array"),
    };

    /// <summary>The (variant_id, quantity) pairs of a <c>line_items</c> array.</summary>
    public static List<(long VariantId, int Quantity)> LineItems(JsonElement obj)
    {
        var items = new List<(long, int)>();
        foreach (var (item, i) in Array(obj, "line_items", "line_items").Select((e, i) => (e, i)))
        {
            items.Add(LineItem(item, $"line_items[{i}]"));
        }

        return items;
    }

    public static (long VariantId, int Quantity) LineItem(JsonElement item, string field)
    {
        var variant = Long(item, "variant_id", field + ".variant_id") ?? throw GmError.Validation(field + ".variant_id", "blank", "can't be blank");
        var quantity = Long(item, "quantity", field + ".quantity") ?? 1;
        return quantity is < 0 or > 100
            ? throw GmError.Validation(field + ".quantity", "invalid", "must be between 0 and 100")
            : (variant, (int)quantity);
    }

    public static bool IsEmail(string? value) =>
        value is not null && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Contains(' ', StringComparison.Ordinal);

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
