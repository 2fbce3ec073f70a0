using System.Text.RegularExpressions;

namespace CommerceGateway.Soak.Buyers;

/// <summary>
/// Tells our typed errors from leaked ones: ours carry an UPPER_SNAKE code and our own sentence;
/// a missing code, INTERNAL_SERVER_ERROR or a message in a library's words (Redis, HttpClient,
/// the runtime) is not ours.
/// </summary>
public static partial class ErrorClassifier
{
    // Phrases of StackExchange.Redis, Redis itself, HttpClient and the runtime that must never reach a caller.
    private static readonly string[] LibraryPhrases =
    [
        "StackExchange", "Multi-key", "hash tags", "MOVED ", "ASK ", "CLUSTERDOWN", "READONLY", "LOADING ", "NOSCRIPT",
        "Timeout performing", "No connection is active", "RedisConnectionException", "RedisTimeoutException",
        "Exception", "System.", "Object reference", "An error occurred while sending", "Connection refused",
        "Name or service not known", "The operation was canceled", "A task was canceled", "Stack trace",
    ];

    /// <summary>Codes that say "try again": nothing was decided, or another attempt holds the lock.</summary>
    public static IReadOnlySet<string> RetryableCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "STATE_STORE_UNAVAILABLE", "BACKEND_UNAVAILABLE", "BACKEND_TIMEOUT", "CONFLICT", "TRANSPORT", "PROXY_502", "PROXY_504", "HTTP_503",
    };

    /// <summary>Whether <paramref name="code"/> with <paramref name="message"/> is a typed error of ours.</summary>
    public static bool IsTyped(string? code, string? message) =>
        code is not null
        && CodePattern().IsMatch(code)
        && code != "INTERNAL_SERVER_ERROR"
        && !code.StartsWith("HTTP_", StringComparison.Ordinal)
        && !LibraryPhrases.Any(p => (message ?? "").Contains(p, StringComparison.Ordinal));

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex CodePattern();
}
