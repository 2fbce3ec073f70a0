using System.Security.Cryptography;
using System.Text;

namespace CommerceGateway.GraphQL.Protection;

/// <summary>SHA-256 of a document in lowercase hex: the APQ hash and the document cache key.</summary>
internal static class DocumentHash
{
    public static string Of(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
