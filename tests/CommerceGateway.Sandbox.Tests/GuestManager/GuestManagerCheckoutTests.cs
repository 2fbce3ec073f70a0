using System.Net;
using System.Text.Json.Nodes;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Sandbox.Tests.GuestManager.GuestManagerApi;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>The checkout state machine: steps that apply, next, update with order[state], and its errors.</summary>
public sealed class GuestManagerCheckoutTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    [Theory]
    [InlineData(101L, "tickets,address,payment,complete")]
    [InlineData(102L, "tickets,address,form,payment,complete")]
    [InlineData(201L, "address,delivery,payment,complete")]
    [InlineData(501L, "complete")]
    [InlineData(301L, "tickets,address,requested")]
    [InlineData(401L, "tickets,address,reserved")]
    public async Task Next_FromCart_FixesOnlyTheStepsThatApply(long variant, string steps)
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((variant, 1));

        var begun = (await api.NextAsync(Id(order))).Ok();

        Assert.Equal(steps.Split(','), Steps(begun));
        Assert.Equal(Steps(begun)[0], State(begun));
        Assert.DoesNotContain("processing", Steps(begun));
    }

    [Fact]
    public async Task Next_GuestWithoutDetails_StartsWithTheEmailStep()
    {
        using var api = new GuestManagerApi(sandbox);
        var created = await api.SendAsync(HttpMethod.Post, "orders", new { order = new { line_items = new[] { new { variant_id = 201, quantity = 1 } } } });

        var begun = (await api.NextAsync(Id(created.Body))).Ok();
        var blank = await api.UpdateAsync(Id(begun), "email");
        var filled = (await api.UpdateAsync(Id(begun), "email", new JsonObject { ["email"] = "ada@example.test", ["first_name"] = "Ada", ["last_name"] = "Lovelace" })).Ok();

        Assert.Equal("email", State(begun));
        Assert.Equal([("email", "blank"), ("first_name", "blank"), ("last_name", "blank")], blank.Attributes());
        Assert.Equal("address", State(filled));
    }

    [Fact]
    public async Task Checkout_EveryStepWithData_MovesOnAndCompletesAfterProcessing()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((102, 2), (201, 1));
        var id = Id(order);
        var begun = (await api.NextAsync(id)).Ok();
        Assert.Equal(["tickets", "address", "delivery", "form", "payment", "complete"], Steps(begun));
        var tickets = begun.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();

        var named = (await api.UpdateAsync(id, "tickets", new JsonObject
        {
            ["guest_token"] = begun.GetProperty("guest_token").GetString(),
            ["tickets"] = new JsonArray(
                new JsonObject { ["id"] = tickets[0], ["keep"] = true },
                new JsonObject { ["id"] = tickets[1], ["name"] = "Bizzy Bone", ["email"] = "bizzy@example.test" }),
        })).Ok();
        var addressed = (await api.UpdateAsync(id, "address", new JsonObject
        {
            ["bill_address"] = new JsonObject { ["address1"] = "1 Main Street", ["city"] = "Anytown", ["zipcode"] = "92109", ["state_id"] = 162, ["country_id"] = 14 },
            ["ship_address"] = Address("AU", "WA"),
        })).Ok();
        var shipment = addressed.GetProperty("shipments")[0];
        var express = shipment.GetProperty("shipping_rates")[1].GetProperty("id").GetInt64();
        var delivered = (await api.UpdateAsync(id, "delivery", new JsonObject
        {
            ["shipments_attributes"] = new JsonArray(new JsonObject { ["id"] = shipment.GetProperty("id").GetInt64(), ["selected_shipping_rate_id"] = express }),
        })).Ok();
        var form = delivered.GetProperty("form_responses")[0];
        var answers = form.GetProperty("answers");
        var answered = (await api.UpdateAsync(id, "form", new JsonObject
        {
            ["responses"] = new JsonArray(new JsonObject
            {
                ["id"] = form.GetProperty("id").GetInt64(),
                ["answers"] = new JsonArray(
                    new JsonObject { ["id"] = answers[0].GetProperty("id").GetInt64(), ["value"] = "793" },
                    new JsonObject { ["id"] = answers[1].GetProperty("id").GetInt64(), ["value"] = "none" }),
            }),
        })).Ok();
        var processing = (await api.PayAsync(id, answered.GetProperty("total").GetString()!)).Ok();
        var stillProcessing = (await api.GetAsync(id)).Ok();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        var complete = (await api.GetAsync(id)).Ok();

        Assert.True(named.GetProperty("tickets")[0].GetProperty("keep").GetBoolean());
        Assert.Equal("address", State(named));
        Assert.Equal("AU", addressed.GetProperty("bill_address").GetProperty("country_code").GetString());
        Assert.Equal("WA", addressed.GetProperty("bill_address").GetProperty("state_code").GetString());
        Assert.NotEqual(JsonValueKindNull, addressed.GetProperty("ship_address_id").ValueKind);
        Assert.Equal("delivery", State(addressed));
        Assert.Equal("form", State(delivered));
        Assert.Equal("15", delivered.GetProperty("ship_total").GetString());
        Assert.Equal("payment", State(answered));
        Assert.Equal("142", answered.GetProperty("total").GetString());
        Assert.Equal("processing", State(processing));
        Assert.Equal("processing", State(stillProcessing));
        Assert.Equal("complete", State(complete));
        Assert.Equal("paid", complete.GetProperty("payment_state").GetString());
        Assert.Equal(sandbox.Clock.GetUtcNow(), complete.GetProperty("completed_at").GetDateTimeOffset());
        Assert.All(complete.GetProperty("tickets").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("barcode").GetString())));
    }

    [Fact]
    public async Task Payment_Declined_ReturnsToPaymentWithTheFailureThenAcceptsAnother()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((101, 1));

        (await api.PayAsync(Id(order), "25", fault: "decline")).Ok();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        var failed = (await api.GetAsync(Id(order))).Ok();
        (await api.PayAsync(Id(order), "25", token: "tok_visa")).Ok();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        var paid = (await api.GetAsync(Id(order))).Ok();

        Assert.Equal("payment", State(failed));
        Assert.Equal("failed", failed.GetProperty("payment_state").GetString());
        Assert.Equal("failed", failed.GetProperty("payments")[0].GetProperty("state").GetString());
        Assert.Equal("Your card was declined.", failed.GetProperty("payments")[0].GetProperty("failure_message").GetString());
        Assert.Equal("complete", State(paid));
        Assert.Equal("25", paid.GetProperty("payment_total").GetString());
    }

    [Fact]
    public async Task Payment_WhileProcessingAndAfterComplete_IsOrderProcessingThenOrderComplete()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((101, 1));
        (await api.PayAsync(Id(order), "25")).Ok();

        var processing = await api.PayAsync(Id(order), "25");
        var changeLines = await api.SendAsync(HttpMethod.Post, $"orders/{Id(order)}/line_items/add", new { variant_id = 101, quantity = 1 });
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        var complete = await api.PayAsync(Id(order), "25");
        var next = await api.NextAsync(Id(order));

        Assert.Equal("processing", processing.Error(HttpStatusCode.Conflict, "order_processing").GetProperty("detail").GetProperty("state").GetString());
        changeLines.Error(HttpStatusCode.Conflict, "order_processing");
        complete.Error(HttpStatusCode.Conflict, "order_complete");
        next.Error(HttpStatusCode.Conflict, "order_complete");
    }

    [Fact]
    public async Task Update_StepOtherThanTheCurrentOrAnEarlierOne_IsInvalidState()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((102, 1));
        var inCart = await api.UpdateAsync(Id(order), "tickets");
        var begun = (await api.NextAsync(Id(order))).Ok();

        var later = await api.UpdateAsync(Id(begun), "form");
        var unknown = await api.UpdateAsync(Id(begun), "password");
        var final = await api.UpdateAsync(Id(begun), "complete");

        inCart.Error(HttpStatusCode.UnprocessableEntity, "invalid_state");
        Assert.Equal("tickets", later.Error(HttpStatusCode.UnprocessableEntity, "invalid_state").GetProperty("detail").GetProperty("state").GetString());
        unknown.Error(HttpStatusCode.UnprocessableEntity, "invalid_state");
        final.Error(HttpStatusCode.UnprocessableEntity, "invalid_state");
    }

    [Fact]
    public async Task Next_EmptyOrder_IsCheckoutNotAllowed()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync();

        (await api.NextAsync(Id(order))).Error(HttpStatusCode.UnprocessableEntity, "checkout_not_allowed");
    }

    [Fact]
    public async Task Next_ToALaterState_StopsWithAValidationErrorAtTheFirstUnsatisfiedStep()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((101, 1));
        (await api.NextAsync(Id(order))).Ok();

        var jump = await api.NextAsync(Id(order), "payment");
        var current = (await api.GetAsync(Id(order))).Ok();

        Assert.Equal([("tickets[0].name", "blank")], jump.Attributes());
        Assert.Equal("tickets", State(current));
    }

    [Fact]
    public async Task Update_WrongGuestToken_Is422OnGuestToken()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((101, 1));
        (await api.NextAsync(Id(order))).Ok();

        var response = await api.UpdateAsync(Id(order), "tickets", new JsonObject { ["guest_token"] = "not-the-token" });

        Assert.Equal([("guest_token", "invalid")], response.Attributes());
    }

    [Fact]
    public async Task Payment_CardNumberInsteadOfAToken_IsRefused()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((101, 1));

        var response = await api.UpdateAsync(Id(order), "payment", new JsonObject
        {
            ["payments"] = new JsonArray(new JsonObject { ["payment_method_id"] = 1, ["source"] = new JsonObject { ["number"] = "4242424242424242", ["cvv"] = "123" } }),
        });

        Assert.Equal([("payments[0].source", "invalid")], response.Attributes());
        Assert.Equal("payment", State((await api.GetAsync(Id(order))).Ok()));
    }

    [Fact]
    public async Task Address_StateNotOfTheCountry_Is422WithTheAttribute()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((201, 1));
        (await api.NextAsync(Id(order))).Ok();

        var response = await api.UpdateAsync(Id(order), "address", new JsonObject { ["ship_address"] = Address("US", "WA"), ["bill_address"] = Address("US", "NSW") });

        Assert.Equal([("bill_address.state", "invalid")], response.Attributes());
    }

    [Fact]
    public async Task Checkout_AccountThatConfirmsOrders_HasAConfirmStepAfterPayment()
    {
        var settings = sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>();
        settings.ConfirmBeforePlacing = true;
        try
        {
            using var api = new GuestManagerApi(sandbox);
            var order = await api.AtPaymentAsync((101, 1));

            var confirming = (await api.PayAsync(Id(order), "25")).Ok();
            var processing = (await api.UpdateAsync(Id(order), "confirm")).Ok();

            Assert.Equal(["tickets", "address", "payment", "confirm", "complete"], Steps(order));
            Assert.Equal("confirm", State(confirming));
            Assert.Equal("processing", State(processing));
        }
        finally
        {
            settings.ConfirmBeforePlacing = false;
        }
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
