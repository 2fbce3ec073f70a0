using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CommerceGateway.Soak.Buyers;
using CommerceGateway.Soak.Deployment;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Tests.Deployment;

/// <summary>
/// A replica SIGKILLed (OOM kill, node loss) while the backend is taking its payment: no code of the
/// dead replica runs after the money call, its claim stays until it lapses, and a retry on another
/// replica after that must answer the payment the backend took, never take a second one.
/// </summary>
public sealed class GatewayKillTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(4);
    private const string SeatMap = "query { seatMap(channel: \"booking-demo\", sessionId: \"2001\") { seats { id status } } }";
    private const string AddSeat = "mutation($id: ID!, $seats: [ID!]) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1\", quantity: 1, sessionId: \"2001\", seatIds: $seats }]) { cart { id } userErrors { code field message } } }";
    private const string Pay = "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_kill\" }) { paymentStatus order { id paymentStatus } cart { checkout { status } } userErrors { code field message } } }";

    private readonly string _folder = Directory.CreateTempSubdirectory("cg-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sigkill_ReplicaDiesWhileTheBackendChargesABooking_RetryOnAnotherReplicaAfterTheClaimLapses_AnswersPaidAndChargesOnce()
    {
        var sandboxPort = FreePort.Next();
        await using var sandbox = await SandboxProcess.StartAsync(sandboxPort);
        var sandboxUrl = new Uri($"http://127.0.0.1:{sandboxPort.ToString(CultureInfo.InvariantCulture)}/");
        var (firstPort, secondPort) = (FreePort.Next(), FreePort.Next());
        var publicUrl = new Uri($"http://127.0.0.1:{firstPort.ToString(CultureInfo.InvariantCulture)}/");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var hash = GatewayProcess.HashSecret(secret);
        var settings = new Dictionary<string, string>
        {
            ["Checkout:PaymentClaimLifetime"] = ClaimLifetime.ToString("c", CultureInfo.InvariantCulture),

            // The dead replica's cart lock must lapse before its claim does, or the retry only meets the lock.
            ["Checkout:CartLockLifetime"] = "00:00:03",
        };
        await using var first = await GatewayProcess.StartAsync("gateway-kill-1", _folder, firstPort, publicUrl, sandboxUrl, redis.ConnectionString, hash, settings);
        await using var second = await GatewayProcess.StartAsync("gateway-kill-2", _folder, secondPort, publicUrl, sandboxUrl, redis.ConnectionString, hash, settings);
        using var dying = await ClientAsync(firstPort, secret);
        using var surviving = await ClientAsync(secondPort, secret);
        var cartId = await BookingCartReadyToPayAsync(dying);
        var key = "kill-" + cartId;

        // The backend commits at once and answers only after 8 s: the replica dies in between.
        using var admin = new HttpClient { BaseAddress = sandboxUrl };
        using (var set = await admin.PutAsJsonAsync(new Uri("_admin/booking/faults", UriKind.Relative), new { answerLateMs = 8000, path = "/order/commitOrder", times = 1 }))
        {
            set.EnsureSuccessStatusCode();
        }

        var begun = Stopwatch.StartNew();
        var inFlight = dying.CallAsync("checkoutSubmitPayment", Pay, new { id = cartId, key }, CancellationToken.None);
        Assert.True(await CommittedWithinAsync(admin, before: 0, TimeSpan.FromSeconds(10)) == 1, "the backend never took the payment; the test proves nothing");
        await KillAsync(first);
        var lost = await inFlight;
        var left = ClaimLifetime + TimeSpan.FromMilliseconds(300) - begun.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var retried = await surviving.CallAsync("checkoutSubmitPayment", Pay, new { id = cartId, key }, CancellationToken.None);
        var newKey = await surviving.CallAsync("checkoutSubmitPayment", Pay, new { id = cartId, key = key + "-again" }, CancellationToken.None);

        Assert.Equal("TRANSPORT", lost.Code);
        Assert.True(retried.Ok, $"the retry was answered {retried.Code}\n{second.Output()}");
        Assert.Equal("PAID", retried.Payload.GetProperty("paymentStatus").GetString());
        Assert.Equal("PAID", retried.Payload.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal("INVALID_STEP", newKey.Code);
        Assert.Equal(1, await CommittedWithinAsync(admin, before: 1, TimeSpan.Zero));
    }

    private static async Task<SoakClient> ClientAsync(int port, string secret)
    {
        var client = new SoakClient(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), new SoakJournal());
        await client.AuthenticateAsync(GatewayProcess.ClientId, secret, GatewayProcess.Audience, GatewayProcess.Scopes, CancellationToken.None);
        return client;
    }

    /// <summary>The gateway under <c>timeout</c> gets SIGKILL, as the soak kills a replica.</summary>
    private static async Task KillAsync(ChildServer replica)
    {
        var children = await ExternalProcess.RunAsync("ps", ["-o", "pid=", "--ppid", replica.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        foreach (var pid in children.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await ExternalProcess.RunAsync("kill", ["-KILL", pid]);
        }

        await replica.DisposeAsync();
    }

    /// <summary>How many booking orders the backend holds committed, waiting up to <paramref name="within"/> for more than <paramref name="before"/>.</summary>
    private static async Task<int> CommittedWithinAsync(HttpClient admin, int before, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            using var ledger = JsonDocument.Parse(await admin.GetStringAsync(new Uri("_admin/ledger", UriKind.Relative)));
            var committed = ledger.RootElement.GetProperty("entries").EnumerateArray()
                .Count(e => e.GetProperty("protocol").GetString() == "booking" && e.GetProperty("state").GetString() == "committed-purchase");
            if (committed > before || DateTime.UtcNow >= deadline)
            {
                return committed;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string> BookingCartReadyToPayAsync(SoakClient client)
    {
        Task<JsonElement> Ok(string field, string query, object variables) => CheckoutCalls.OkAsync(client, field, query, variables);

        var seat = (await Ok("seatMap", SeatMap, new { })).GetProperty("seats").EnumerateArray()
            .First(s => s.GetProperty("status").GetString() == "AVAILABLE").GetProperty("id").GetString()!;
        var cartId = (await Ok("cartCreate", Buyer.CartCreate, new { channel = "booking-demo" })).GetProperty("cart").GetProperty("id").GetString()!;
        await Ok("cartLinesAdd", AddSeat, new { id = cartId, seats = new[] { seat } });
        await Ok("cartBuyerUpdate", Buyer.BuyerUpdate, new { id = cartId, email = "kill@soak.example.test", last = "Kill" });
        await Ok("checkoutBegin", Buyer.Begin, new { id = cartId });
        return cartId;
    }
}
