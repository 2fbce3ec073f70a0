using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Composition;

/// <summary>
/// The built gateway run as its own process, as an operator runs it: a configuration it refuses ends
/// with one line naming the key and a non-zero exit code, not an unhandled exception and a stack trace.
/// </summary>
public sealed class MisconfiguredStartTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string DllPath => RepositoryLayout.PathOf("gateway", "CommerceGateway.Gateway", "bin", Configuration, "net10.0", "CommerceGateway.Gateway.dll");

    [Fact]
    public async Task Start_ProductionWithoutIssuer_PrintsOneLineNamingTheKeyAndExitsNonZero()
    {
        var result = await RunAsync("Production", new Dictionary<string, string> { ["Identity__DataDirectory"] = Path.GetTempPath() });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result));
        Assert.StartsWith("CommerceGateway cannot start: Identity:Issuer is required outside Development", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidGatewayOption_PrintsOneLineNamingTheKeyAndExitsNonZero()
    {
        var result = await RunAsync("Development", new Dictionary<string, string> { ["Gateway__Partners__PermitLimit"] = "0" });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["CommerceGateway cannot start: Gateway:Partners:PermitLimit must be at least 1, but is 0."], Lines(result));
    }

    [Fact]
    public async Task Start_ZeroShutdownTimeout_PrintsOneLineNamingTheKeyAndExitsNonZero()
    {
        var result = await RunAsync("Development", new Dictionary<string, string> { ["Gateway__ShutdownTimeout"] = "00:00:00" });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["CommerceGateway cannot start: Gateway:ShutdownTimeout must be positive, but is 00:00:00."], Lines(result));
    }

    [Fact]
    public async Task Start_PartnerRouteOutsidePartners_PrintsTheRouteKeyAndExitsNonZero()
    {
        var result = await RunAsync("Development", new Dictionary<string, string>
        {
            ["ReverseProxy__Routes__admin__ClusterId"] = "guestmanager",
            ["ReverseProxy__Routes__admin__Match__Path"] = "/admin/{**rest}",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CommerceGateway cannot start: ReverseProxy:Routes:admin:Match:Path must start with \"/partners/{channel}\"", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CorruptSigningKeyFile_PrintsOneLineNamingTheFileAndExitsNonZero()
    {
        var folder = Directory.CreateTempSubdirectory("cg-corrupt-key-").FullName;
        try
        {
            var keys = Directory.CreateDirectory(Path.Combine(folder, "keys"));
            var file = Path.Combine(keys.FullName, "broken.json");
            await File.WriteAllTextAsync(file, "{not json");
            if (!OperatingSystem.IsWindows())
            {
                keys.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var result = await RunAsync("Development", new Dictionary<string, string> { ["Identity__DataDirectory"] = folder });

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"CommerceGateway cannot start: The signing key file '{file}' is corrupt.", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", result.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ProcessResult> RunAsync(string environment, Dictionary<string, string> settings)
    {
        Assert.True(File.Exists(DllPath), $"{DllPath} is missing: the test project builds the gateway.");
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        // As the container runs it: from its own folder, which is the content root.
        return await ExternalProcess.RunAsync("dotnet", [DllPath, "--urls", "http://127.0.0.1:0"], Path.GetDirectoryName(DllPath), settings, TimeSpan.FromSeconds(60));
    }

    /// <summary>Every non-empty line the process printed, on either stream.</summary>
    private static string[] Lines(ProcessResult result) =>
        [.. (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
