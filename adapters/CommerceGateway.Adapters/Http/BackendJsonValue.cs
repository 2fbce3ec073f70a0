using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Adapters;

/// <summary>
/// A value of a backend's JSON answer that knows where it sits. Every accessor checks the shape
/// and throws <see cref="BackendProtocolException"/> naming the path ("basket.items[2].price")
/// instead of a NullReferenceException or InvalidOperationException.
/// </summary>
public readonly struct BackendJsonValue
{
    internal BackendJsonValue(JsonElement element, string path, string channel)
    {
        Element = element;
        Path = path;
        Channel = channel;
    }

    /// <summary>The raw element.</summary>
    public JsonElement Element { get; }

    /// <summary>The path from the document root, e.g. "basket.total".</summary>
    public string Path { get; }

    /// <summary>The channel whose backend sent it.</summary>
    public string Channel { get; }

    /// <summary>A property that must be present and not null.</summary>
    public BackendJsonValue Required(string name) =>
        Optional(name) ?? throw Problem(Join(name), "is missing");

    /// <summary>A property, or null when absent or JSON null.</summary>
    public BackendJsonValue? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Problem(Path, $"expected an object, found {Describe(Element.ValueKind)}");
        }

        return Element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? new BackendJsonValue(child, Join(name), Channel)
            : null;
    }

    /// <summary>A JSON string.</summary>
    public string AsString() =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Problem(Path, $"expected a string, found {Describe(Element.ValueKind)}");

    /// <summary>A string or number as text: backends send ids both ways.</summary>
    public string AsText() => Element.ValueKind switch
    {
        JsonValueKind.String => Element.GetString()!,
        JsonValueKind.Number => Element.GetRawText(),
        _ => throw Problem(Path, $"expected a string or number, found {Describe(Element.ValueKind)}"),
    };

    /// <summary>An integer (a JSON number, or a string holding one).</summary>
    public int AsInt32() =>
        int.TryParse(AsText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Problem(Path, "expected an integer");

    /// <summary>A 64-bit integer (a JSON number, or a string holding one).</summary>
    public long AsInt64() =>
        long.TryParse(AsText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Problem(Path, "expected an integer");

    /// <summary>A decimal read exactly from a JSON number or numeric string.</summary>
    public decimal AsDecimal() =>
        Money.TryParseAmount(AsText(), out var value) ? value : throw Problem(Path, "expected a decimal number");

    /// <summary>An amount of <paramref name="currency"/>, read exactly.</summary>
    public Money AsMoney(CurrencyCode currency) => new(AsDecimal(), currency);

    /// <summary>A JSON boolean.</summary>
    public bool AsBoolean() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Problem(Path, $"expected a boolean, found {Describe(Element.ValueKind)}"),
    };

    /// <summary>An ISO 8601 date and time.</summary>
    public DateTimeOffset AsDateTime() =>
        DateTimeOffset.TryParse(AsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Problem(Path, "expected an ISO 8601 date-time");

    /// <summary>An ISO 4217 currency code.</summary>
    public CurrencyCode AsCurrency() =>
        CurrencyCode.TryParse(AsString(), out var value) ? value : throw Problem(Path, "expected an ISO 4217 currency code");

    /// <summary>The elements of a JSON array.</summary>
    public IEnumerable<BackendJsonValue> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Problem(Path, $"expected an array, found {Describe(Element.ValueKind)}");
        }

        var values = new List<BackendJsonValue>(Element.GetArrayLength());
        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            values.Add(new BackendJsonValue(item, $"{Path}[{index++}]", Channel));
        }

        return values;
    }

    /// <summary>A protocol error about this value, for checks the accessors cannot express.</summary>
    public BackendProtocolException Problem(string problem) => Problem(Path, problem);

    private BackendProtocolException Problem(string path, string problem) => new(Channel, path, problem);

    private string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Undefined => "nothing",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
