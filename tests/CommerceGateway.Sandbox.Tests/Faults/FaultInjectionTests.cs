using System.Net;
using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Sandbox.Tests.OrderFlow;
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

    [Fact]
    public void Parse_AnswerLateAndPath_ReadsBoth()
    {
        var fault = FaultSpec.Parse("answer-late=2000, path=/api/order/payment.json");

        Assert.Equal(2000, fault.AnswerLateMs);
        Assert.Equal("/api/order/payment.json", fault.Path);
        Assert.False(fault.IsNone);
    }

    [Fact]
    public void Take_FaultForOnePath_LeavesOtherPathsAloneWithoutUsingUpItsCount()
    {
        var faults = new SandboxFaults();
        faults.Set("orderflow", new FaultSpec { Status = 503, Path = "/payment.json", Times = 1 });

        Assert.True(faults.Take("orderflow", "/orderflow/api/order/invoice.json").IsNone);
        Assert.Equal(503, faults.Take("orderflow", "/orderflow/api/order/payment.json").Status);
        Assert.True(faults.Take("orderflow", "/orderflow/api/order/payment.json").IsNone);
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
    public async Task AnswerLateFault_ChargesAtOnce_ThoughTheCallerGaveUpBeforeTheAnswer()
    {
        using var api = new OrderFlowApi(sandbox);
        var (orderId, invoiceId) = await api.InvoicedExampleAsync("8181");
        await sandbox.SetFaultAsync("orderflow", new FaultSpec { AnswerLateMs = 1500, Path = "/api/order/payment.json", Times = 1 });
        using var impatient = new HttpClient { BaseAddress = sandbox.ProtocolUrl("orderflow"), Timeout = TimeSpan.FromMilliseconds(300) };
        using var body = new StringContent($$"""{"customerId":"8181","invoiceId":"{{invoiceId}}","totalAmount":200.0}""", System.Text.Encoding.UTF8, "application/json");

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(new Uri("api/order/payment.json", UriKind.Relative), body));
        using var client = sandbox.CreateClient();
        var ledger = await client.GetStringAsync(new Uri("_admin/ledger", UriKind.Relative));

        using var entries = System.Text.Json.JsonDocument.Parse(ledger);
        var order = entries.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("protocol").GetString() == "orderflow" && e.GetProperty("id").GetString() == orderId);
        Assert.Equal("paid", order.GetProperty("state").GetString());
        Assert.Equal(1, order.GetProperty("captures").GetInt32());
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
