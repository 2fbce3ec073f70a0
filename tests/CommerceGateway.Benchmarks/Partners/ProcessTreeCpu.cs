using System.Diagnostics;
using System.Globalization;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// User plus system CPU time of a process and all its descendants (nginx's workers are children
/// of its master), read from /proc: what a server spent, whatever the machine's load did to req/s.
/// </summary>
internal static class ProcessTreeCpu
{
    public static TimeSpan Read(int rootId)
    {
        var total = TimeSpan.Zero;
        foreach (var id in TreeOf(rootId))
        {
            try
            {
                using var process = Process.GetProcessById(id);
                total += process.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // Exited between listing and reading: its time is gone with it.
            }
        }

        return total;
    }

    private static List<int> TreeOf(int rootId)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ParentOf(directory) is { } parent)
            {
                parents[id] = parent;
            }
        }

        var tree = new List<int> { rootId };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    private static int? ParentOf(string directory)
    {
        try
        {
            // The command name may hold spaces and parentheses: fields are counted after the last ')'.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
