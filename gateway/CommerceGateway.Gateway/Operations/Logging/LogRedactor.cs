using System.Text.RegularExpressions;

namespace CommerceGateway.Gateway.Operations.Logging;

/// <summary>
/// Masks secrets in log text: JWTs, credentials after an authorization scheme, secret-looking query
/// or form parameters, and email addresses. Values whose names say they are secret (a PSP token or
/// transaction id has no recognisable shape) are masked by name in <see cref="IsSensitiveName"/>.
/// </summary>
internal static partial class LogRedactor
{
    public const string Mask = "[redacted]";

    private static readonly string[] SensitiveNameParts =
    [
        "secret", "password", "passwd", "token", "authorization", "apikey", "api_key", "email",
        "psp", "cardnumber", "cvv", "credential", "cookie",
    ];

    /// <summary>True when a structured value's name says it holds a secret or personal data.</summary>
    public static bool IsSensitiveName(string name)
    {
        // Ids of tokens and keys (jti, kid) identify without granting anything; operators need them.
        if (name.EndsWith("Id", StringComparison.Ordinal) && (name.StartsWith("Token", StringComparison.Ordinal) || name.StartsWith("Key", StringComparison.Ordinal)))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        return SensitiveNameParts.Any(part => lower.Contains(part, StringComparison.Ordinal));
    }

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = Jwt().Replace(text, Mask);
        text = SchemeCredential().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
        text = SecretParameter().Replace(text, m => m.Groups["name"].Value + Mask);
        return Email().Replace(text, Mask);
    }

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic|Token|ApiKey)\s+[A-Za-z0-9._~+/=-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex(@"(?<name>[?&;]\s*(?:access_token|refresh_token|id_token|token|client_secret|secret|password|api_?key|key|sig|signature|code|psp_token|psp_transaction_id|payment_token|card_number|email)=)[^&\s#""']*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
