using System.Globalization;

namespace CommerceGateway.Sandbox.Faults;

/// <summary>
/// Faults to inject. Transport faults (latency, status, timeout, malformed) are applied by the
/// shared filter; business faults (decline, capture failure, sold out) are read by each protocol's
/// handlers through <see cref="SandboxFaultExtensions.SandboxFault"/>.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>No fault.</summary>
    public static FaultSpec None { get; } = new();

    /// <summary>Delay before answering, in milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>Answer with this HTTP status (e.g. 500, 503) instead of running the handler.</summary>
    public int? Status { get; init; }

    /// <summary>Never answer (until the client gives up, at most 100 seconds).</summary>
    public bool Timeout { get; init; }

    /// <summary>
    /// Run the handler (its effects, a charge included, take place at once), then hold the answer back
    /// this many milliseconds even when the client has given up: a call that succeeds at the backend but
    /// whose answer the caller never sees.
    /// </summary>
    public int? AnswerLateMs { get; init; }

    /// <summary>
    /// Only requests whose path contains this (e.g. <c>/api/order/payment.json</c>, or <c>/checkout/</c> for
    /// every order's checkout) get the fault; others pass untouched and do not use up <see cref="Times"/>.
    /// Null: every request of the protocol.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>Answer 200 with a body that is not valid JSON.</summary>
    public bool Malformed { get; init; }

    /// <summary>Payments are declined.</summary>
    public bool Decline { get; init; }

    /// <summary>Captures fail with this reason.</summary>
    public string? CaptureFailure { get; init; }

    /// <summary>Every item is sold out.</summary>
    public bool SoldOut { get; init; }

    /// <summary>For protocol-wide faults: how many requests it applies to (null: until cleared).</summary>
    public int? Times { get; init; }

    /// <summary>True when nothing is injected.</summary>
    public bool IsNone => this == None || this with { Times = null, Path = null } == None;

    /// <summary>Whether the fault applies to a request for <paramref name="path"/>.</summary>
    public bool AppliesTo(string path) => Path is null || path.Contains(Path, StringComparison.Ordinal);

    /// <summary>
    /// Parses the <c>X-Sandbox-Fault</c> header: comma-separated items such as
    /// <c>latency=250, status=503, timeout, answer-late=2000, malformed, decline, capture-failure=Card expired, sold-out</c>.
    /// </summary>
    /// <exception cref="FormatException">An item is unknown or its value invalid.</exception>
    public static FaultSpec Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var spec = None;
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = parts.Length == 2 ? parts[1] : null;
            spec = parts[0].ToLowerInvariant() switch
            {
                "latency" => spec with { LatencyMs = Number(item, value) },
                "status" => spec with { Status = Number(item, value) },
                "timeout" => spec with { Timeout = true },
                "answer-late" => spec with { AnswerLateMs = Number(item, value) },
                "path" => spec with { Path = string.IsNullOrEmpty(value) ? throw new FormatException("Sandbox fault 'path' needs a path.") : value },
                "malformed" => spec with { Malformed = true },
                "decline" => spec with { Decline = true },
                "capture-failure" => spec with { CaptureFailure = string.IsNullOrEmpty(value) ? "Capture failed" : value },
                "sold-out" => spec with { SoldOut = true },
                "times" => spec with { Times = Number(item, value) },
                _ => throw new FormatException($"Unknown sandbox fault '{parts[0]}'."),
            };
        }

        return spec;
    }

    private static int Number(string item, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"Sandbox fault '{item}' needs a whole number.");
}
