using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using CommerceGateway.Soak.Buyers;
using CommerceGateway.Soak.Deployment;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Tests.Deployment;

/// <summary>
/// A replica stopped as Kubernetes stops a pod (SIGTERM): it stops taking connections at once but
/// answers the checkout already in flight before it exits, so a rolling update or a scale-in
/// never leaves a buyer without the answer to a payment that was taken.
/// </summary>
public sealed class GatewayDrainTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cg-drain-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sigterm_GuestManagerPaymentSettlingInFlight_AnsweredPaidThenTheReplicaExitsCleanly()
    {
        var sandboxPort = FreePort.Next();
        await using var sandbox = await SandboxProcess.StartAsync(sandboxPort);
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var gateway = await GatewayProcess.StartAsync(
            "gateway-drain", _folder, port, url, new Uri($"http://127.0.0.1:{sandboxPort.ToString(CultureInfo.InvariantCulture)}/"), redis.ConnectionString, GatewayProcess.HashSecret(secret));
        using var client = new SoakClient(url, new SoakJournal());
        await client.AuthenticateAsync(GatewayProcess.ClientId, secret, GatewayProcess.Audience, GatewayProcess.Scopes, CancellationToken.None);
        var cartId = await GuestManagerCartReadyToPayAsync(client);

        // Guest Manager's sandbox settles a payment 2 s after it is submitted; the submit answers
        // PROCESSING and the next cart read waits for the backend's decision within the request. That
        // read is in flight when the replica is told to stop.
        var submitted = await client.CallAsync("checkoutSubmitPayment", Buyer.Pay, new { id = cartId, key = "drain-" + cartId }, CancellationToken.None);
        Assert.True(submitted.Ok, submitted.Code);
        Assert.Equal("PROCESSING", submitted.Payload.GetProperty("paymentStatus").GetString());
        var settling = client.CallAsync("cart", Buyer.CartRead, new { id = cartId }, CancellationToken.None);
        await Task.Delay(300);
        if (settling.IsCompleted)
        {
            var early = await settling;
            Assert.Fail($"the cart answered ({early.Code ?? early.Payload.ToString()}) before the replica was stopped; the test proves nothing");
        }

        await gateway.TerminateAsync();

        Assert.True(await RefusesConnectionsWithinAsync(port, TimeSpan.FromSeconds(5)), "the stopping replica still accepts new connections");
        Assert.False(settling.IsCompleted, "the cart answered before the replica stopped accepting; the test proves nothing");
        var answer = await settling;
        Assert.True(answer.Ok, $"the in-flight cart read was answered {answer.Code}\n{gateway.Output()}");
        Assert.Equal("COMPLETE", answer.Payload.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("PAID", answer.Payload.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal(0, await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<string> GuestManagerCartReadyToPayAsync(SoakClient client)
    {
        Task<JsonElement> Ok(string field, string query, object variables) => CheckoutCalls.OkAsync(client, field, query, variables);

        var cartId = (await Ok("cartCreate", Buyer.CartCreate, new { channel = "guestmanager-demo" })).GetProperty("cart").GetProperty("id").GetString()!;
        await Ok("cartLinesAdd", Buyer.TicketLines, new { id = cartId, n = 1 });
        await Ok("cartBuyerUpdate", Buyer.BuyerUpdate, new { id = cartId, email = "drain@soak.example.test", last = "Drain" });
        var cart = (await Ok("checkoutBegin", Buyer.Begin, new { id = cartId })).GetProperty("cart");
        if (cart.GetProperty("checkout").GetProperty("currentStep").GetString() == "TICKETS")
        {
            var attendees = cart.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("attendees").EnumerateArray())
                .Select(a => new { ticketId = a.GetProperty("ticketId").GetString(), name = "Drain Guest", email = "drain@soak.example.test" }).ToList();
            await Ok("cartAttendeesUpdate", Buyer.Attendees, new { id = cartId, a = attendees });
        }

        await Ok("cartAddressesUpdate", Buyer.Billing, new { id = cartId });
        return cartId;
    }

    private static async Task<bool> RefusesConnectionsWithinAsync(int port, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
