using System.Net;
using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public void Parse_HeaderWithEveryFault_ReadsEachOne()
    {
        var fault = FaultSpec.Parse("latency=250, status=503, timeout, malformed, decline, capture-failure=Card expired, sold-out, times=2");

        Assert.Equal(250, fault.LatencyMs);
        Assert.Equal(503, fault.Status);
        Assert.True(fault.Timeout);
        Assert.True(fault.Malformed);
        Assert.True(fault.Decline);
        Assert.Equal("Card expired", fault.CaptureFailure);
        Assert.True(fault.SoldOut);
        Assert.Equal(2, fault.Times);
    }

    [Theory]
    [InlineData("explode")]
    [InlineData("latency=soon")]
    public void Parse_UnknownOrInvalidItem_IsRefused(string header) =>
        Assert.Throws<FormatException>(() => FaultSpec.Parse(header));

    [Fact]
    public void Take_FaultWithCount_IsUsedUpOneRequestAtATime()
    {
        var faults = new SandboxFaults();
        faults.Set("orderflow", new FaultSpec { Status = 500, Times = 2 });

        Assert.Equal(500, faults.Take("orderflow").Status);
        Assert.Equal(500, faults.Take("orderflow").Status);
        Assert.True(faults.Take("orderflow").IsNone);
    }
}

public sealed class FaultAdminApiTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task PutThenGet_ProtocolFault_IsReportedUntilCleared()
    {
        await sandbox.SetFaultAsync("livescale", new FaultSpec { Decline = true });
        using var client = sandbox.CreateClient();

        var set = await client.GetStringAsync(new Uri("_admin/livescale/faults", UriKind.Relative));
        await sandbox.ClearFaultAsync("livescale");
        var cleared = await client.GetStringAsync(new Uri("_admin/livescale/faults", UriKind.Relative));

        Assert.Contains("\"decline\":true", set, StringComparison.Ordinal);
        Assert.Contains("\"decline\":false", cleared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_ListsTheSandboxService()
    {
        using var client = sandbox.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CommerceGateway.Sandbox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
