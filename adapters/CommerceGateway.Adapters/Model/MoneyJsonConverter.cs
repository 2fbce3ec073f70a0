using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Adapters;

/// <summary>
/// Money as <c>{"amount":"53.50","currency":"USD"}</c>. The amount is a string so no JSON reader
/// on the way can turn it into a double; numbers are accepted when reading.
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("amount", out var amount)
            || !root.TryGetProperty("currency", out var currencyElement))
        {
            throw new JsonException("Money must be an object with 'amount' and 'currency'.");
        }

        if (!CurrencyCode.TryParse(currencyElement.GetString(), out var currency))
        {
            throw new JsonException($"'{currencyElement}' is not an active ISO 4217 currency code.");
        }

        try
        {
            return Money.FromJson(amount, currency);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
