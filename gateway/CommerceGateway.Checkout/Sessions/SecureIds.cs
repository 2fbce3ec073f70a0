using System.Buffers.Text;
using System.Security.Cryptography;

namespace CommerceGateway.Checkout;

/// <summary>Unguessable identifiers: 128 random bits, URL-safe.</summary>
internal static class SecureIds
{
    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return prefix + "_" + Base64Url.EncodeToString(bytes);
    }
}
