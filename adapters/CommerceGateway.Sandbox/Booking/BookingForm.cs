using System.Globalization;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>Reads the form-encoded parameters of a booking call, refusing missing or malformed ones.</summary>
internal sealed class BookingForm(IFormCollection form)
{
    public static async Task<BookingForm> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            return new BookingForm(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }

        if (request.ContentLength is null or 0)
        {
            return new BookingForm(FormCollection.Empty);
        }

        throw new BookingException(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Send parameters as application/x-www-form-urlencoded.");
    }

    public string? Optional(string name) =>
        form.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    public string Required(string name) =>
        Optional(name) ?? throw BookingException.Invalid("INVALID_PARAMETER", $"{name}: is required.");

    public long Id(string name) => Long(name, Required(name));

    public long? OptionalId(string name) => Optional(name) is { } text ? Long(name, text) : null;

    public int Int(string name) =>
        int.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BookingException.Invalid("INVALID_PARAMETER", $"{name}: expected a whole number.");

    public static decimal Amount(string name, string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BookingException.Invalid("INVALID_PARAMETER", $"{name}: expected a non-negative decimal amount.");

    /// <summary>A repeated parameter (<c>items=1&amp;items=2</c>) of ids.</summary>
    public IReadOnlyList<long> Ids(string name) =>
        form.TryGetValue(name, out var values)
            ? [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Long(name, v!.Trim()))]
            : [];

    /// <summary>The sum of <c>payments[i].amount</c> for i = 0, 1, ... until the first missing index.</summary>
    public decimal PaymentsTotal()
    {
        var total = 0m;
        var count = 0;
        while (Optional($"payments[{count}].amount") is { } amount)
        {
            total += Amount($"payments[{count}].amount", amount);
            count++;
        }

        return count > 0 ? total : throw BookingException.Invalid("INVALID_PARAMETER", "payments: give at least payments[0].amount.");
    }

    private static long Long(string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BookingException.Invalid("INVALID_PARAMETER", $"{name}: expected a numeric id.");
}
