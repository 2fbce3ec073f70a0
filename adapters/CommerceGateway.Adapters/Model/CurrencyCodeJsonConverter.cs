using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Adapters;

/// <summary>Writes a currency as its code and refuses unknown codes when reading.</summary>
internal sealed class CurrencyCodeJsonConverter : JsonConverter<CurrencyCode>
{
    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        return CurrencyCode.TryParse(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not an active ISO 4217 currency code.");
    }

    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
