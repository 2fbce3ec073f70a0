using System.Globalization;

namespace CommerceGateway.Soak.Report;

/// <summary>Prints a soak's verdicts (one line each, then "N passed, M failed") and its figures.</summary>
public static class SoakConsole
{
    public static void Write(SoakOutcome outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checkouts: {outcome.Checkouts.Values.Sum()} in {outcome.Elapsed.TotalSeconds:0.0} s = {outcome.CheckoutsPerSecond:0.0}/s ({string.Join(", ", outcome.Checkouts.Select(c => $"{c.Key} {c.Value}"))})"));
        foreach (var (operation, (p50, p99, count)) in outcome.Latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {operation,-22} p50 {p50,7:0.0} ms  p99 {p99,7:0.0} ms  ({count} calls)"));
        }

        output.WriteLine("errors by code: " + (outcome.ErrorsByCode.Count == 0 ? "none" : string.Join(", ", outcome.ErrorsByCode.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}"))));
        foreach (var fault in outcome.Faults)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault at {fault.At.TotalSeconds:0.0} s: {fault.Name}; recovered after {(fault.RecoveredAfter is { } r ? $"{r.TotalSeconds:0.00} s" : "never")}"));
        }

        output.WriteLine();
        foreach (var invariant in outcome.Invariants)
        {
            output.WriteLine($"{(invariant.Passed ? "PASSED" : "FAILED")}  {invariant.Name}: {invariant.Detail}");
        }

        output.WriteLine($"{outcome.Passed} passed, {outcome.Failed} failed");
    }
}
