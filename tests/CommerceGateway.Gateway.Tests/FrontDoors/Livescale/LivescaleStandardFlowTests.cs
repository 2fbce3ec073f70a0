using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>The seed's standard flow, steps 1 to 9, run against the front door as Livescale runs it, on channels of three protocols.</summary>
public sealed class LivescaleStandardFlowTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>
{
    [Theory]
    [InlineData("orderflow-demo")]
    [InlineData("example-demo")]
    [InlineData("guestmanager-demo")]
    public async Task StandardFlow_EndsInAPaidBackendOrderWithThePspTransactionAndTheBasketTotal(string channelName)
    {
        var channel = LivescaleChannelCase.Of(channelName);

        // 1. The token, from the channel's base URL, for audience livescale.
        using var anonymous = fixture.Anonymous(channelName);
        var token = await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret);
        Assert.Equal(200, token.Status);
        Assert.Equal("Bearer", token.Body.GetProperty("token_type").GetString());
        using var shop = fixture.Anonymous(channelName, token.Body.GetProperty("access_token").GetString());

        // 2 to 5.
        var basket = await LivescaleFlow.ReadyBasketAsync(shop, channel);
        var basketId = basket.GetProperty("id").GetString()!;
        var total = basket.GetProperty("total").GetDecimal();
        Assert.Equal(channel.Currency, basket.GetProperty("currency").GetString());
        if (channel.ExpectedTotal is { } expected)
        {
            Assert.Equal(expected, total);
        }

        // 6 and 7: the order, then the PSP transaction Livescale authorized.
        var transaction = LivescaleFlow.NewTransaction();
        var authorized = await LivescaleFlow.AuthorizedOrderAsync(shop, basketId, transaction);
        var orderId = authorized.GetProperty("id").GetString()!;
        Assert.Equal("NEW", authorized.GetProperty("status").GetString());
        Assert.Equal("AUTHORIZED", authorized.GetProperty("payment_status").GetString());
        Assert.Equal(total, authorized.GetProperty("total_invoiced").GetDecimal());
        Assert.Equal(0m, authorized.GetProperty("total_paid").GetDecimal());

        // 8 and 9: Livescale captured; the payment status is reported.
        var paid = await shop.OkAsync(HttpMethod.Put, $"orders/{orderId}", new { payment_status = "PAID" }, 201);
        Assert.Equal("PAID", paid.GetProperty("payment_status").GetString());
        Assert.Equal(total, paid.GetProperty("total_paid").GetDecimal());
        Assert.Equal(transaction, paid.GetProperty("psp_transaction_id").GetString());

        // The same report again changes nothing and shows what is stored.
        var replay = await shop.OkAsync(HttpMethod.Put, $"orders/{orderId}", new { payment_status = "PAID" }, 201);
        Assert.Equal(transaction, replay.GetProperty("psp_transaction_id").GetString());
        var merchantOrderId = replay.GetProperty("merchant_order_id").GetString()!;
        Assert.Equal(paid.GetProperty("merchant_order_id").GetString(), merchantOrderId);

        // The backend has the order, paid, for the basket's total.
        var order = await fixture.Orders.GetOrderAsync(new ClientContext(DemoClients.LivescaleId), merchantOrderId, CancellationToken.None);
        Assert.NotNull(order);
        Assert.Equal(channelName, order.Order.Channel);
        Assert.Equal(PaymentStatus.Paid, order.Order.PaymentStatus);
        Assert.Equal(Money.Of(total, channel.Currency), order.Order.Total);
        Assert.Equal(Money.Of(total, channel.Currency), order.Order.AmountPaid);
        Assert.Equal(basketId, order.CartId);
    }
}
