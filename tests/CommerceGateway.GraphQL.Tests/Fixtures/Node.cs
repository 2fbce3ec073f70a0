using System.Diagnostics;
using System.Text;

namespace CommerceGateway.GraphQL.Tests.Fixtures;

/// <summary>
/// Runs the reference tools (graphql-js, graphql-http) with node from PATH, in the committed npm
/// project. A missing tool fails the test with the command that fixes it; it never skips.
/// </summary>
public static class Node
{
    public static string ConformanceDirectory { get; } = FindConformanceDirectory();

    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var node = FindOnPath("node") ?? throw new InvalidOperationException(
            "node was not found on PATH. Install Node.js 20+ (Debian: apt-get install nodejs npm) or run ./test.sh, which installs it.");
        if (!Directory.Exists(Path.Combine(ConformanceDirectory, "node_modules", "graphql")))
        {
            throw new InvalidOperationException(
                $"The npm packages of {ConformanceDirectory} are not installed. Run ./test.sh, or: cd {ConformanceDirectory} && npm ci");
        }

        var info = new ProcessStartInfo(node)
        {
            WorkingDirectory = ConformanceDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in time.\n{await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        }

        return await stdout;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string FindConformanceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "CommerceGateway.GraphQL.Tests", "conformance");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/CommerceGateway.GraphQL.Tests/conformance above {AppContext.BaseDirectory}.");
    }
}
