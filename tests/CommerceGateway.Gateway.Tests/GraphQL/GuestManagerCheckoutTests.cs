using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Guest Manager through <c>/graphql</c>: attendee names, asynchronous payment polled through the cart, decline and retry.</summary>
public sealed class GuestManagerCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    [Fact]
    public async Task CompleteCheckout_NamesAttendeesAndPollsTheProcessingPaymentToComplete()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await AtPaymentAsync(api);

        var submitted = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var cart = await SettledAsync(api, cartId, submitted);

        Assert.Equal("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
        var order = (await api.DataAsync("query($id: ID!) { cart(id: $id) { order { id paymentStatus lines { ticketCode } } } }", new { id = cartId })).GetProperty("cart").GetProperty("order");
        Assert.Equal("PAID", order.GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task DeclinedPayment_CartShowsPaymentFailedWithTheReason_ThenANewKeyCompletes()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await AtPaymentAsync(api);

        var key = OrderFlowCheckoutTests.NewKey();
        var declined = await SettledAsync(api, cartId, await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_chargeDeclined", key));

        // Declined after the payment was accepted for processing: replaying its key answers the decline as a user error.
        var replayed = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_chargeDeclined", key });
        var retried = await SettledAsync(api, cartId, await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey()));

        Assert.Equal("PAYMENT_FAILED", declined.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("PAYMENT", declined.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Equal("Your card was declined.", declined.GetProperty("checkout").GetProperty("failureReason").GetString());
        Assert.Equal("FAILED", replayed.GetProperty("paymentStatus").GetString());
        Assert.Equal("Your card was declined.", replayed.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal("COMPLETE", retried.GetProperty("checkout").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TicketsWithAForm_NamesAttendeesAndAnswersTheRequiredQuestion_ThenCompletes()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"guestmanager-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"102\", quantity: 2 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\", firstName: \"Ada\", lastName: \"Lovelace\", phone: \"+15555550100\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var begun = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
        Assert.Equal("TICKETS", begun.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Contains("FORM", begun.GetProperty("checkout").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));

        var attendees = begun.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("attendees").EnumerateArray())
            .Select((a, i) => new { ticketId = a.GetProperty("ticketId").GetString(), name = $"VIP Guest {i + 1}", email = $"vip{i + 1}@example.test" }).ToList();
        var named = (await api.MutateAsync("cartAttendeesUpdate", "mutation($id: ID!, $a: [AttendeeInput!]!) { cartAttendeesUpdate(cartId: $id, attendees: $a) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId, a = attendees })).GetProperty("cart");
        await api.MutateAsync("cartAddressesUpdate", "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, billingAddress: { address1: \"1 Main Street\", city: \"Springfield\", zip: \"62701\", countryCode: \"US\", provinceCode: \"IL\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var atForm = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        Assert.Equal("FORM", atForm.GetProperty("checkout").GetProperty("currentStep").GetString());

        // The step lists the required question as "form.{formId}.{questionId}"; its answer is an option id (792 = M).
        var question = atForm.GetProperty("checkout").GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "FORM")
            .GetProperty("missing").EnumerateArray().Single().GetString()!.Split('.');
        var answered = (await api.MutateAsync("cartFormAnswersUpdate", "mutation($id: ID!, $a: [FormAnswerInput!]!) { cartFormAnswersUpdate(cartId: $id, answers: $a) { cart { formAnswers { formId questionId value } checkout { currentStep } } userErrors { code field message } } }", new { id = cartId, a = new[] { new { formId = question[1], questionId = question[2], value = "792" } } })).GetProperty("cart");
        var paid = await SettledAsync(api, cartId, await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey()));

        Assert.Equal(["VIP Guest 1", "VIP Guest 2"], named.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("attendees").EnumerateArray()).Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("PAYMENT", answered.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Equal("792", answered.GetProperty("formAnswers").EnumerateArray().Single(a => a.GetProperty("questionId").GetString() == question[2]).GetProperty("value").GetString());
        Assert.Equal("COMPLETE", paid.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("107.00", paid.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
    }

    [Theory]
    [InlineData("301", "REQUESTED")]
    [InlineData("401", "RESERVED")]
    public async Task SoldOutOrNotYetOnSaleTickets_CheckoutEndsSubmittedWithNothingDue_AndPaymentIsRefused(string variant, string lastStep)
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await AtPaymentAsync(api, variant, lastStep);

        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        var refused = await api.FailAsync("checkoutSubmitPayment", "INVALID_STEP", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });

        Assert.Equal("SUBMITTED", cart.GetProperty("checkout").GetProperty("status").GetString());
        Assert.All(cart.GetProperty("checkout").GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("completed").GetBoolean()));
        Assert.Contains("no payment is due", refused.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Reads the cart until its payment is no longer PROCESSING, waiting as the poll hint says.</summary>
    internal static async Task<JsonElement> SettledAsync(CommerceApi api, string cartId, JsonElement submitted)
    {
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        for (var i = 0; i < 100 && cart.GetProperty("checkout").GetProperty("status").GetString() == "PROCESSING"; i++)
        {
            var hint = cart.GetProperty("checkout").GetProperty("pollAfterSeconds");
            Assert.Equal(JsonValueKind.Number, hint.ValueKind);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(hint.GetDouble() * 1000, 100)));
            cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        }

        Assert.NotEqual("PROCESSING", cart.GetProperty("checkout").GetProperty("status").GetString());
        _ = submitted;
        return cart;
    }

    /// <summary>A cart of two tickets of <paramref name="variant"/>, named, with a billing address: only payment left.</summary>
    internal static async Task<string> AtPaymentAsync(CommerceApi api, string variant = "101", string lastStep = "PAYMENT")
    {
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"guestmanager-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!, $v: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: $v, quantity: 2 }]) { cart { id } userErrors { code field message } } }", new { id = cartId, v = variant });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\", firstName: \"Ada\", lastName: \"Lovelace\", phone: \"+15555550100\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var cart = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
        Assert.True(cart.GetProperty("expiresAt").ValueKind == JsonValueKind.String, "a cart holding tickets says when its hold lapses");
        if (cart.GetProperty("checkout").GetProperty("currentStep").GetString() == "TICKETS")
        {
            var attendees = cart.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("attendees").EnumerateArray())
                .Select((a, i) => new { ticketId = a.GetProperty("ticketId").GetString(), name = $"Guest {i + 1}", email = $"guest{i + 1}@example.test" }).ToList();
            await api.MutateAsync("cartAttendeesUpdate", "mutation($id: ID!, $a: [AttendeeInput!]!) { cartAttendeesUpdate(cartId: $id, attendees: $a) { cart { id } userErrors { code field message } } }", new { id = cartId, a = attendees });
        }

        var ready = (await api.MutateAsync(
            "cartAddressesUpdate",
            "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, billingAddress: { address1: \"1 Main Street\", city: \"Springfield\", zip: \"62701\", countryCode: \"US\", provinceCode: \"IL\" }) { cart { checkout { currentStep } } userErrors { code field message } } }",
            new { id = cartId })).GetProperty("cart");
        Assert.Equal(lastStep, ready.GetProperty("checkout").GetProperty("currentStep").GetString());
        return cartId;
    }
}
