namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The replica behaviour with both instances on a Redis Cluster (three masters, three replicas).</summary>
public sealed class ClusterReplicaTests(ClusterReplicaFixture replicas) : ReplicaTests(replicas), IClassFixture<ClusterReplicaFixture>
{
    private const string CreateCart = "mutation { cartCreate(channel: \"booking-demo\") { cart { id } userErrors { code field message } } }";

    [Fact]
    public async Task SeatAddedWhileTheEventSessionsReplicaIsSilent_FailsWithOurCodeAndSentenceAndTheSeatStaysFree()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(first, 1);
        var cartId = (await first.MutateAsync("cartCreate", CreateCart)).GetProperty("cart").GetProperty("id").GetString();
        // The event session's seats share one hash slot; its master's only replica stops answering,
        // so no hold there can be confirmed by a replica.
        var master = await replicas.Redis.MasterOfAsync("{booking-demo:" + BookingCheckoutTests.Session + "}");
        var replica = await replicas.Redis.ReplicaOfAsync(master);

        System.Text.Json.JsonElement body;
        await replica.FreezeAsync();
        try
        {
            body = await first.SendAsync(BookingCheckoutTests.AddSeats, new { id = cartId, seats, n = 1, session = BookingCheckoutTests.Session });
        }
        finally
        {
            await replica.ThawAsync();
        }

        await replicas.Redis.WaitUntilHealthyAsync();
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("STATE_STORE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        foreach (var foreign in new[] { "StackExchange", "Redis", "WAIT", "slot", "replica" })
        {
            Assert.DoesNotContain(foreign, message, StringComparison.OrdinalIgnoreCase);
        }

        // Nothing was held for the failed call: another cart, on the other instance, gets the seat.
        var otherCart = (await second.MutateAsync("cartCreate", CreateCart)).GetProperty("cart").GetProperty("id").GetString();
        var taken = await second.MutateAsync("cartLinesAdd", BookingCheckoutTests.AddSeats, new { id = otherCart, seats, n = 1, session = BookingCheckoutTests.Session });
        Assert.Equal(seats[0], taken.GetProperty("cart").GetProperty("lines")[0].GetProperty("seats")[0].GetProperty("seatId").GetString());
    }
}
