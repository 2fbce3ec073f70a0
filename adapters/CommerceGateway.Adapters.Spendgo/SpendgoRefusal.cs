using System.Text.Json;

namespace CommerceGateway.Adapters.Spendgo;

/// <summary>
/// A 4xx answer of the loyalty API as read off the wire: status, Spendgo's <c>{code, message}</c>,
/// and the order as it stands when the refusal carries one. Raised inside the adapter only, so the
/// caller can decide what it means (a repeated stage) before it becomes an SDK error.
/// </summary>
internal sealed class SpendgoRefusal(int status, string? code, string? message, JsonElement? order) : Exception(message)
{
    public int Status { get; } = status;

    public string? Code { get; } = code;

    public string? BackendMessage { get; } = message;

    /// <summary>The order object of a status refusal (cloned: it outlives the response).</summary>
    public JsonElement? Order { get; } = order;

    public static async Task<SpendgoRefusal> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new SpendgoRefusal((int)response.StatusCode, null, null, null);
            }

            return new SpendgoRefusal(
                (int)response.StatusCode,
                Text(root, "code") ?? Text(root, "error"),
                Text(root, "message") ?? Text(root, "error_description"),
                root.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object ? order.Clone() : null);
        }
        catch (JsonException)
        {
            return new SpendgoRefusal((int)response.StatusCode, null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
