using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>A backend that is down is the error model's 502, never a 500, and the basket works again once it is back.</summary>
public sealed class LivescaleBackendFaultTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("example");

    [Fact]
    public async Task BackendAnswering503_IsA502BackendUnavailable_AndTheNextCallAfterItRecoversWorks()
    {
        using var shop = await fixture.ShopperAsync("example-demo");
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", null, 201)).GetProperty("id").GetString();
        await fixture.Sandbox.SetFaultAsync("example", new FaultSpec { Status = 503 });

        var down = await shop.SendAsync(HttpMethod.Post, $"baskets/{id}/items", new[] { new { id = "MUG", quantity = 1 } });
        await fixture.Sandbox.ClearFaultAsync("example");
        var back = await shop.OkAsync(HttpMethod.Post, $"baskets/{id}/items", new[] { new { id = "MUG", quantity = 1 } });

        Assert.Equal((502, "backend_unavailable"), (down.Status, down.Error));
        Assert.Contains("example-demo", down.Message, StringComparison.Ordinal);
        Assert.Equal(1, back.GetProperty("items").GetArrayLength());
    }
}
