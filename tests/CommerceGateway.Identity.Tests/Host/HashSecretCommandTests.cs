using CommerceGateway.Testing;

namespace CommerceGateway.Identity.Tests.Host;

public sealed class HashSecretCommandTests
{
    private static readonly string HostAssembly = Path.Combine(AppContext.BaseDirectory, "CommerceGateway.Identity.Host.dll");

    [Fact]
    public async Task HashSecret_Argument_PrintsHashThatVerifies()
    {
        var result = await ExternalProcess.RunAsync("dotnet", [HostAssembly, "hash-secret", "a long client secret with + % : / = ?"], timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var hash = result.StandardOutput.Trim();
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(ClientSecretHasher.Verify("a long client secret with + % : / = ?", hash));
    }

    [Fact]
    public async Task HashSecret_StandardInput_PrintsHashThatVerifies()
    {
        var result = await ExternalProcess.RunAsync(
            "/bin/sh",
            ["-c", "printf '%s\\n' \"$SECRET\" | dotnet \"$HOST_DLL\" hash-secret"],
            environment: new Dictionary<string, string> { ["SECRET"] = "piped-secret-0123456789", ["HOST_DLL"] = HostAssembly },
            timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(ClientSecretHasher.Verify("piped-secret-0123456789", result.StandardOutput.Trim()));
        Assert.DoesNotContain("piped-secret", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashSecret_EmptyInput_FailsWithUsage()
    {
        var result = await ExternalProcess.RunAsync("/bin/sh", ["-c", $"dotnet \"{HostAssembly}\" hash-secret < /dev/null"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: hash-secret", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput.Trim());
    }
}
