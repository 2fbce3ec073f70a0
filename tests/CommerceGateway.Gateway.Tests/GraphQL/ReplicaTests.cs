using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Carts, seat holds and payment keys live in Redis: any gateway instance continues what another
/// started. Derived once per Redis topology (one redis-server, a Redis Cluster).
/// </summary>
public abstract class ReplicaTests(IGatewayReplicas replicas)
{
    [Fact]
    public async Task CartStartedOnOneInstance_IsFinishedOnTheOther()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(first)).GetProperty("id").GetString()!;

        var paid = await OrderFlowCheckoutTests.PayAsync(second, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var cartOnFirst = await OrderFlowCheckoutTests.CartAsync(first, cartId);

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETE", cartOnFirst.GetProperty("checkout").GetProperty("status").GetString());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString();
        var order = (await first.DataAsync("query($id: ID!) { order(id: $id) { id paymentStatus } }", new { id = orderId })).GetProperty("order");
        Assert.Equal("PAID", order.GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task PaymentRetriedOnTheOtherInstanceWithTheSameKey_IsNotPaidTwice()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(first)).GetProperty("id").GetString()!;
        var key = OrderFlowCheckoutTests.NewKey();

        var paid = await OrderFlowCheckoutTests.PayAsync(first, cartId, "tok_visa", key);
        var retried = await OrderFlowCheckoutTests.PayAsync(second, cartId, "tok_visa", key);

        var orderId = paid.GetProperty("order").GetProperty("id").GetString();
        Assert.Equal(orderId, retried.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("PAID", retried.GetProperty("paymentStatus").GetString());
        var timeline = (await second.DataAsync("query($id: ID!) { order(id: $id) { timeline { name } } }", new { id = orderId }))
            .GetProperty("order").GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Single(timeline, name => name == "PaymentProcessed");
    }

    [Fact]
    public async Task SamePaymentKeyOnBothInstancesAtOnce_PaysOnce()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(first)).GetProperty("id").GetString()!;
        var key = OrderFlowCheckoutTests.NewKey();
        var variables = new { cartId, token = "tok_visa", key };

        var answers = await Task.WhenAll(
            first.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, variables),
            second.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, variables));

        var orders = answers.Where(a => a.GetProperty("order").ValueKind == JsonValueKind.Object).Select(a => a.GetProperty("order").GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(orders);
        Assert.All(answers.Where(a => a.GetProperty("order").ValueKind != JsonValueKind.Object), a => Assert.Equal("CONFLICT", a.GetProperty("userErrors")[0].GetProperty("code").GetString()));
        var timeline = (await first.DataAsync("query($id: ID!) { order(id: $id) { timeline { name } } }", new { id = orders[0] }))
            .GetProperty("order").GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Single(timeline, name => name == "PaymentProcessed");
    }

    [Fact]
    public async Task BookingPurchaseWithTheSameKeyOnBothInstancesAtOnce_PurchasesOnceAndCollectsNothingMore()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(first, 2);
        var cartId = (await BookingCheckoutTests.SeatCartAsync(first, seats)).GetProperty("id").GetString();
        var booking = (await first.MutateAsync("bookingCreate", "mutation($id: ID!) { bookingCreate(cartId: $id) { booking { id total { amount } } userErrors { code field message } } }", new { id = cartId })).GetProperty("booking");
        var bookingId = booking.GetProperty("id").GetString();
        var total = booking.GetProperty("total").GetProperty("amount").GetString();
        await second.MutateAsync("bookingCommit", BookingCheckoutTests.Commit, new { id = bookingId, amount = total, key = OrderFlowCheckoutTests.NewKey() });
        const string Purchase = "mutation($id: ID!, $key: String!) { bookingPurchase(bookingId: $id, idempotencyKey: $key) { order { id amountPaid { amount } } userErrors { code field message } } }";
        var key = OrderFlowCheckoutTests.NewKey();

        var answers = await Task.WhenAll(
            first.PayloadAsync("bookingPurchase", Purchase, new { id = bookingId, key }),
            second.PayloadAsync("bookingPurchase", Purchase, new { id = bookingId, key }));
        var replay = await second.MutateAsync("bookingPurchase", Purchase, new { id = bookingId, key });
        var read = (await first.DataAsync("query($id: ID!) { booking(id: $id) { status amountPaid { amount } orderId } }", new { id = bookingId })).GetProperty("booking");

        var orders = answers.Where(a => a.GetProperty("order").ValueKind == JsonValueKind.Object).Select(a => a.GetProperty("order").GetProperty("id").GetString()).ToList();
        var order = Assert.Single(orders);
        Assert.All(answers.Where(a => a.GetProperty("order").ValueKind != JsonValueKind.Object), a => Assert.Equal("CONFLICT", a.GetProperty("userErrors")[0].GetProperty("code").GetString()));
        Assert.Equal(order, replay.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("PURCHASED", read.GetProperty("status").GetString());
        Assert.Equal(total, read.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(order, read.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task TwoCartsRacingForTheSameSeatsOnDifferentInstances_ExactlyOneWins()
    {
        using var first = await replicas.First.StorefrontAsync();
        using var second = await replicas.Second.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(first, 2);
        const string Create = "mutation { cartCreate(channel: \"booking-demo\") { cart { id } userErrors { code field message } } }";
        var firstCart = (await first.MutateAsync("cartCreate", Create)).GetProperty("cart").GetProperty("id").GetString();
        var secondCart = (await second.MutateAsync("cartCreate", Create)).GetProperty("cart").GetProperty("id").GetString();

        var answers = await Task.WhenAll(
            first.PayloadAsync("cartLinesAdd", BookingCheckoutTests.AddSeats, new { id = firstCart, seats, n = 2, session = BookingCheckoutTests.Session }),
            second.PayloadAsync("cartLinesAdd", BookingCheckoutTests.AddSeats, new { id = secondCart, seats, n = 2, session = BookingCheckoutTests.Session }));

        var winners = answers.Where(a => a.GetProperty("userErrors").GetArrayLength() == 0).ToList();
        var loser = Assert.Single(answers, a => a.GetProperty("userErrors").GetArrayLength() > 0);
        Assert.Single(winners);
        Assert.Contains(loser.GetProperty("userErrors")[0].GetProperty("code").GetString(), new[] { "SEAT_TAKEN", "SOLD_OUT" });
        Assert.Equal(2, winners[0].GetProperty("cart").GetProperty("lines")[0].GetProperty("seats").GetArrayLength());
    }
}
