using System.Globalization;
using System.Text;
using CommerceGateway.Soak;

namespace CommerceGateway.Benchmarks.Soak;

/// <summary>The soak's section of docs/benchmarks.md, replaced in place (or appended the first time).</summary>
internal static class SoakSection
{
    private const string Heading = "## Soak: three replicas on a Redis Cluster, with a replica killed and a master failed over";

    public static void Record(string path, SoakOutcome outcome, MachineInfo machine, string loadBefore)
    {
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Trim() == Heading);
        int end;
        if (start < 0)
        {
            start = end = lines.Count;
        }
        else
        {
            end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            end = end < 0 ? lines.Count : end;
        }

        lines.RemoveRange(start, end - start);
        if (start > 0 && lines[start - 1].Length != 0)
        {
            lines.Insert(start++, "");
        }

        lines.InsertRange(start, [.. Section(outcome, machine, loadBefore).TrimEnd('\n').Split('\n'), ""]);
        File.WriteAllText(path, string.Join('\n', lines).TrimEnd('\n') + "\n");
    }

    private static string Section(SoakOutcome outcome, MachineInfo machine, string loadBefore)
    {
        var s = outcome.Settings;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"{Heading}");
        Line($"");
        Line($"Command: `dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- soak --buyers {s.Buyers} --seconds {s.Duration.TotalSeconds:0} --record`.");
        Line($"A 6-node Redis Cluster (3 masters, 3 replicas), the sandbox backends in one process, three Release gateway processes");
        Line($"behind Debian's nginx (round robin), all on loopback. {s.Buyers} buyers race for the 57 free seats of two booking-demo sessions and");
        Line($"check out on orderflow-demo, guestmanager-demo and loyalty-demo (authorize, then capture) through `/graphql`, retrying");
        Line($"payments with their idempotency key across replicas. Machine: {machine}; load average before {loadBefore}.");
        Line($"");
        Line($"Checkouts confirmed: {outcome.Checkouts.Values.Sum()} in {outcome.Elapsed.TotalSeconds:0.0} s = **{outcome.CheckoutsPerSecond:0.0} checkouts/s** ({string.Join(", ", outcome.Checkouts.Select(c => $"{c.Key} {c.Value}"))}).");
        Line($"");
        Line($"| Operation | Calls | p50 | p99 |");
        Line($"|---|---:|---:|---:|");
        foreach (var (operation, (p50, p99, count)) in outcome.Latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Line($"| {operation} | {count} | {p50:0.0} ms | {p99:0.0} ms |");
        }

        Line($"");
        Line($"Errors callers saw, by code: {(outcome.ErrorsByCode.Count == 0 ? "none" : string.Join(", ", outcome.ErrorsByCode.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")))}.");
        Line($"PROXY_502 is nginx's answer for a request in flight on the killed replica (nginx never replays a POST); TRANSPORT is a call");
        Line($"without an answer. The buyer retries both with the same idempotency key. SOLD_OUT and SEAT_TAKEN are seat races lost (the");
        Line($"map sells out early; later buyers shop on orderflow-demo instead, which is why it dominates); CONFLICT is a payment retried");
        Line($"while another attempt holds its claim or cart lock; STATE_STORE_UNAVAILABLE is the failed-over shard's slots before its");
        Line($"replica took over (retryable). A charge whose buyer never got a final answer is a payment that was in flight on the killed");
        Line($"replica: its claim outlives the buyer's ~9 s of retries (Checkout:PaymentClaimLifetime, 2 minutes), so the buyer stops on");
        Line($"CONFLICT although the backend took the money once.");
        Line($"");
        Line($"| Fault | At | Time to recover (first successful payment started after it) |");
        Line($"|---|---:|---:|");
        foreach (var fault in outcome.Faults)
        {
            Line($"| {fault.Name} | {fault.At.TotalSeconds:0.0} s | {(fault.RecoveredAfter is { } r ? $"{r.TotalSeconds:0.00} s" : "none")} |");
        }

        Line($"");
        Line($"Invariants, checked against the sandbox backends' own records and Redis:");
        Line($"");
        foreach (var invariant in outcome.Invariants)
        {
            Line($"- {(invariant.Passed ? "passed" : "**FAILED**")}: {invariant.Name} ({invariant.Detail})");
        }

        Line($"");
        Line($"{outcome.Passed} passed, {outcome.Failed} failed.");
        return text.ToString();
    }
}
