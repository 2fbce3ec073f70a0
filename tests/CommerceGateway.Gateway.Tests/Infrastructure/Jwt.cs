using System.Text;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.Infrastructure;

/// <summary>Reads the payload of a JWT without validating it, for assertions.</summary>
public static class Jwt
{
    public static JsonElement Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
        return document.RootElement.Clone();
    }
}
