using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>Reads and forges compact JWTs without validating them.</summary>
internal static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    /// <summary>A token with the given header and payload JSON and the original signature.</summary>
    public static string Replace(string token, string? headerJson = null, string? payloadJson = null)
    {
        var parts = token.Split('.');
        return string.Join('.',
            headerJson is null ? parts[0] : Base64UrlEncoder.Encode(headerJson),
            payloadJson is null ? parts[1] : Base64UrlEncoder.Encode(payloadJson),
            parts[2]);
    }

    public static string Json(JsonElement element, Action<Dictionary<string, object?>> change)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, object?>>(element.GetRawText())!;
        change(values);
        return JsonSerializer.Serialize(values);
    }

    private static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[index]))).RootElement.Clone();
}
