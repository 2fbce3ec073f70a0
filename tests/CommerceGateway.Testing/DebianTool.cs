
namespace CommerceGateway.Testing;

/// <summary>Finds a program of a Debian package, installing the package with apt-get when it is missing.</summary>
public static class DebianTool
{
    private static readonly string[] SearchPath = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

    public static async Task<string> RequireAsync(string program, string package)
    {
        var found = Find(program);
        if (found is not null)
        {
            return found;
        }

        Console.WriteLine($"{program} is missing: apt-get install -y {package}");
        // Debian's policy-rc.d (in containers) keeps the package's own service from starting; we never use it.
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var update = await ExternalProcess.RunAsync("apt-get", ["update", "-qq"], environment: environment, timeout: TimeSpan.FromMinutes(5));
        var install = await ExternalProcess.RunAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", package], environment: environment, timeout: TimeSpan.FromMinutes(5));
        return Find(program)
            ?? throw new InvalidOperationException($"Could not install {package} (run as root, or: sudo apt-get install -y {package}).\n{update}\n{install}");
    }

    public static string? Find(string program)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(SearchPath);
        return directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }
}
