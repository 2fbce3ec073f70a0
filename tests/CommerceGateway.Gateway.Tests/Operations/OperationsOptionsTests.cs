using CommerceGateway.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class OperationsOptionsTests
{
    [Fact]
    public void StartUp_BadMetricsPathAndPort_FailsNamingEachKey()
    {
        using var app = new GatewayApp(new Dictionary<string, string?>
        {
            ["Gateway:Metrics:Path"] = "metrics/",
            ["Gateway:Metrics:Port"] = "70000",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateHttpClient());

        Assert.Equal(
            [
                "Gateway:Metrics:Path must be a path such as \"/metrics\" (starts with '/', no trailing '/', no query), but is \"metrics/\".",
                "Gateway:Metrics:Port must be a TCP port between 1 and 65535, but is 70000.",
            ],
            failure.Failures);
    }

    [Fact]
    public void StartUp_OpenApiEnabledThatIsNotABoolean_FailsNamingTheKey()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:OpenApi:Enabled"] = "sometimes" });

        var failure = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateHttpClient());

        Assert.Contains("Gateway:OpenApi:Enabled", failure.Message, StringComparison.Ordinal);
    }
}
