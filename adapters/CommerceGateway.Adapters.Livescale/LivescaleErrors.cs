using System.Text.Json;

namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// Turns a merchant's 4xx answer into the SDK's errors. The spec defines no error body, so the
/// merchant's code and message are read from the common shapes (<c>error</c>/<c>code</c>,
/// <c>message</c>/<c>error_description</c>) when the body has them.
/// </summary>
internal static class LivescaleErrors
{
    public static async Task<CommerceException> RefusalAsync(string channel, HttpResponseMessage response, string refusalCode, CancellationToken cancellationToken)
    {
        var (code, message) = await ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var text = message ?? $"The {channel} backend answered {status}.";
        if (status == 409)
        {
            return new BackendConflictException(channel, text, code);
        }

        var ours = status switch
        {
            404 => CommerceErrorCodes.NotFound,
            _ when IsSoldOut(code) => CommerceErrorCodes.SoldOut,
            400 when refusalCode == CommerceErrorCodes.Rejected => CommerceErrorCodes.InvalidInput,
            429 => CommerceErrorCodes.Rejected,
            _ => refusalCode,
        };
        return new BackendRejectedException(channel, ours, text, code, message);
    }

    /// <summary>The merchant's error code and message, when the body is JSON that carries them.</summary>
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (Text(document.RootElement, "error", "code"), Text(document.RootElement, "message", "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static bool IsSoldOut(string? code) =>
        code is not null && (code.Contains("sold_out", StringComparison.OrdinalIgnoreCase) || code.Contains("out_of_stock", StringComparison.OrdinalIgnoreCase));

    private static string? Text(JsonElement root, params string[] names) =>
        names.Select(n => root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => v is not null);
}
