using System.Globalization;
using System.Runtime.InteropServices;

namespace CommerceGateway.Benchmarks;

/// <summary>The machine a benchmark ran on, as recorded next to its numbers.</summary>
internal sealed record MachineInfo(int ProcessorCount, string CpuModel, string Memory, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FormatMemory(ReadProc("/proc/meminfo", "MemTotal")),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverageNow());

    /// <summary>The 1, 5 and 15 minute load averages; benchmarks note them before they measure as well.</summary>
    public static string LoadAverageNow() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() =>
        $"{ProcessorCount} logical CPUs (nproc), {CpuModel}, {Memory} RAM, {Os}, {Runtime}; load average at the end {LoadAverage} (the machine is shared)";

    private static string? ReadProc(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == field)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static string FormatMemory(string? memTotal)
    {
        var number = memTotal?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:0.0} GiB")
            : "unknown";
    }
}
