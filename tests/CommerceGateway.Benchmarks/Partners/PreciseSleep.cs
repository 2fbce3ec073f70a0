using System.Runtime.InteropServices;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// Sub-millisecond sleeps for the open-loop scheduler. Thread.Sleep and Task.Delay round to whole
/// milliseconds, which would send requests up to a millisecond late; usleep wakes within tens of µs.
/// </summary>
internal static partial class PreciseSleep
{
    public static void For(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(wait);
            return;
        }

        _ = Usleep((uint)Math.Min(wait.TotalMicroseconds, 100_000));
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Usleep(uint microseconds);
}
