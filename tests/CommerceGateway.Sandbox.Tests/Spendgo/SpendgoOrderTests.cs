using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Spendgo;

/// <summary>The sandbox's order lifecycle rules, called over raw HTTP.</summary>
public sealed class SpendgoOrderTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static string NewId() => "ord-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Orders_CompletedTwice_IsRefusedWithTheOrderAndAwardsPointsOnce()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, _) = await api.NewMemberAsync(0m);
        var id = NewId();
        foreach (var status in new[] { "checkout", "placed", "billed", "completed" })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.OrderAsync(member, SpendgoApi.Body(id, status, 25.00m))).Status);
        }

        var (code, body) = await api.OrderAsync(member, SpendgoApi.Body(id, "completed", 25.00m));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("order_already_completed", body.GetProperty("code").GetString());
        Assert.Equal("completed", body.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(25m, body.GetProperty("order").GetProperty("points_earned").GetDecimal());
        Assert.Equal(25m, await api.PointsAsync(member));
    }

    [Theory]
    [InlineData(new[] { "checkout" }, "billed", "invalid_transition")]
    [InlineData(new[] { "checkout", "placed", "voided" }, "refunded", "invalid_transition")]
    [InlineData(new[] { "checkout", "placed", "billed", "completed" }, "voided", "invalid_transition")]
    [InlineData(new string[0], "placed", "invalid_transition")]
    public async Task Orders_InvalidTransition_IsRefusedWith409AndTheCurrentStatus(string[] before, string requested, string expected)
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var id = NewId();
        foreach (var status in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.OrderAsync("guest", SpendgoApi.Body(id, status, 10.00m))).Status);
        }

        var (code, body) = await api.OrderAsync("guest", SpendgoApi.Body(id, requested, 10.00m));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal(expected, body.GetProperty("code").GetString());
        Assert.Contains(requested, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_TwoRewardsInOneOrder_AreRefused()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, rewards) = await api.NewMemberAsync(0m, "rw-5off", "rw-10pct");

        var (code, body) = await api.OrderAsync(member, new
        {
            order_id = NewId(),
            store_code = "store-001",
            status = "checkout",
            items = new[] { new { sku = "PLATTER", quantity = 1, price = 50m } },
            subtotal = 50m,
            rewards = new[] { new { id = rewards["rw-5off"] }, new { id = rewards["rw-10pct"] } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("one_reward_per_order", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Orders_CheckoutResentWithAnotherReward_ReplacesTheChoice()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, rewards) = await api.NewMemberAsync(0m, "rw-5off", "rw-10pct");
        var id = NewId();
        await api.OrderAsync(member, SpendgoApi.Body(id, "checkout", 80m, rewards["rw-5off"]));

        var (_, body) = await api.OrderAsync(member, SpendgoApi.Body(id, "checkout", 80m, rewards["rw-10pct"]));

        Assert.Equal(8.00m, body.GetProperty("discount").GetDecimal());
        Assert.Equal(rewards["rw-10pct"], body.GetProperty("reward").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Orders_PlacedAfterTheCartShrankBelowTheMinimum_IsRefusedUntilCheckoutIsResent()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, rewards) = await api.NewMemberAsync(0m, "rw-5off");
        var id = NewId();
        await api.OrderAsync(member, SpendgoApi.Body(id, "checkout", 30m, rewards["rw-5off"]));

        var (code, body) = await api.OrderAsync(member, SpendgoApi.Body(id, "placed", 15m, rewards["rw-5off"], 5.00m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("reward_minimum_subtotal", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Orders_RewardLockedByAnotherPlacedOrder_IsUnavailable()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, rewards) = await api.NewMemberAsync(0m, "rw-5off");
        var first = NewId();
        await api.OrderAsync(member, SpendgoApi.Body(first, "checkout", 30m, rewards["rw-5off"]));
        await api.OrderAsync(member, SpendgoApi.Body(first, "placed", 30m, rewards["rw-5off"], 5.00m));

        var (code, body) = await api.OrderAsync(member, SpendgoApi.Body(NewId(), "checkout", 30m, rewards["rw-5off"]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("reward_unavailable", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Orders_RefundAfterThePointsWereSpent_LeavesANegativeBalance()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);
        var (member, rewards) = await api.NewMemberAsync(0m);
        var id = NewId();
        foreach (var status in new[] { "checkout", "placed", "billed", "completed" })
        {
            await api.OrderAsync(member, SpendgoApi.Body(id, status, 30m));
        }

        // The 30 points earned are spent as $3 of banked points on a second order.
        var spend = NewId();
        await api.OrderAsync(member, SpendgoApi.Body(spend, "checkout", 10m, rewards["rw-bank"]));
        await api.OrderAsync(member, SpendgoApi.Body(spend, "placed", 10m, rewards["rw-bank"], 3m));
        await api.OrderAsync(member, SpendgoApi.Body(spend, "billed", 10m, rewards["rw-bank"], 3m));
        var (code, body) = await api.OrderAsync(member, SpendgoApi.Body(id, "refunded", 30m));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(-30m, body.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Orders_StatusInCapitals_IsRefusedAsInvalid()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);

        var (code, body) = await api.OrderAsync("guest", SpendgoApi.Body(NewId(), "Checkout", 10m));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("invalid_status", body.GetProperty("code").GetString());
    }
}
