using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Cart mutations, each answering a <c>CartPayload</c>.</summary>
internal static class CartMutations
{
    public static void Add(ObjectTypeBuilder m)
    {
        m.Field("cartCreate", "CartPayload!", f => f
            .Description("Creates an empty cart on a channel, owned by the calling client.")
            .Arg("channel", "String!", "The channel to sell on.")
            .Arg("currency", "String", "ISO 4217 currency; defaults to the channel's.")
            .ResolveCommerce(CommerceAccess.Cart, async call =>
                SchemaDsl.Payload(await call.Carts.CreateCartAsync(call.Client, call.Str("channel"), call.OptStr("currency"), call.Cancellation), "cart")));
        m.CartMutation("cartLinesAdd", "Adds lines: a quantity of a variant, or seats of an event session (all-or-nothing).", f => f.Arg("lines", "[CartLineInput!]!", "The lines to add."), call =>
            call.Carts.AddLinesAsync(call.Client, call.Str("cartId"), [.. call.Maps("lines").Select(ToLine)], call.Version, call.Cancellation));
        m.CartMutation("cartLinesUpdate", "Changes line quantities; zero removes a line.", f => f.Arg("lines", "[CartLineUpdateInput!]!", "The new quantities."), call =>
            call.Carts.UpdateLinesAsync(call.Client, call.Str("cartId"), [.. call.Maps("lines").Select(l => new CartLineUpdate(CommerceCall.S(l, "id")!, CommerceCall.I(l, "quantity")))], call.Version, call.Cancellation));
        m.CartMutation("cartLinesRemove", "Removes lines, releasing what they held.", f => f.Arg("lineIds", "[ID!]!", "The lines to remove."), call =>
            call.Carts.RemoveLinesAsync(call.Client, call.Str("cartId"), call.Strings("lineIds") ?? [], call.Version, call.Cancellation));
        m.CartMutation("cartBuyerUpdate", "Sets the buyer (guest email, names, phone).", f => f.Arg("buyer", "BuyerInput!", "The buyer."), call =>
        {
            var b = call.Map("buyer")!;
            return call.Carts.UpdateBuyerAsync(call.Client, call.Str("cartId"), new Buyer(CommerceCall.S(b, "email"), CommerceCall.S(b, "firstName"), CommerceCall.S(b, "lastName"), CommerceCall.S(b, "phone")), call.Version, call.Cancellation);
        });
        m.CartMutation(
            "cartAddressesUpdate",
            "Sets the shipping and/or billing address.",
            f => f.Arg("shippingAddress", "MailingAddressInput", "Where to ship.").Arg("billingAddress", "MailingAddressInput", "The billing address."),
            call => call.Carts.UpdateAddressesAsync(call.Client, call.Str("cartId"), CommerceCall.ToAddress(call.Map("shippingAddress")), CommerceCall.ToAddress(call.Map("billingAddress")), call.Version, call.Cancellation));
        m.CartMutation("cartShippingMethodUpdate", "Chooses a shipping method from the cart's availableShippingMethods.", f => f.Arg("shippingMethodId", "ID!", "The method."), call =>
            call.Carts.SelectShippingOptionAsync(call.Client, call.Str("cartId"), call.Str("shippingMethodId"), call.Version, call.Cancellation));
        m.CartMutation("cartAttendeesUpdate", "Names the holders of tickets.", f => f.Arg("attendees", "[AttendeeInput!]!", "One per ticket."), call =>
            call.Carts.UpdateAttendeesAsync(call.Client, call.Str("cartId"), [.. call.Maps("attendees").Select(a => new Attendee(CommerceCall.S(a, "ticketId")!, CommerceCall.S(a, "name"), CommerceCall.S(a, "email")))], call.Version, call.Cancellation));
        m.CartMutation("cartFormAnswersUpdate", "Answers the backend's checkout form.", f => f.Arg("answers", "[FormAnswerInput!]!", "The answers."), call =>
            call.Carts.UpdateFormAnswersAsync(call.Client, call.Str("cartId"), [.. call.Maps("answers").Select(a => new FormAnswer(CommerceCall.S(a, "formId")!, CommerceCall.S(a, "questionId")!, CommerceCall.S(a, "value")!))], call.Version, call.Cancellation));
        m.CartMutation("cartDiscountCodeApply", "Applies a discount code; the backend computes the discount.", f => f.Arg("code", "String!", "The code."), call =>
            call.Carts.ApplyDiscountCodeAsync(call.Client, call.Str("cartId"), call.Str("code"), call.Version, call.Cancellation));
        m.CartMutation("cartDiscountCodeRemove", "Removes a discount code.", f => f.Arg("code", "String!", "The code."), call =>
            call.Carts.RemoveDiscountCodeAsync(call.Client, call.Str("cartId"), call.Str("code"), call.Version, call.Cancellation));
        m.CartMutation(
            "cartLoyaltyAttach",
            "Attaches a loyalty member (or a guest, without memberId) and store; cart changes then re-validate the reward.",
            f => f.Arg("memberId", "String", "The member; omit for a guest order.").Arg("store", "String!", "The store code."),
            call => call.Loyalty.AttachLoyaltyAsync(call.Client, call.Str("cartId"), call.OptStr("memberId"), call.Str("store"), call.Version, call.Cancellation));
        m.CartMutation("cartRewardApply", "Applies one loyalty reward; the program validates it and computes the discount (REWARD_NOT_APPLICABLE otherwise), which the backend takes off cost.total. NOT_SUPPORTED on a channel without LOYALTY_DISCOUNTS, whose backend cannot take a discount off.", f => f.Arg("rewardId", "ID!", "The reward."), call =>
            call.Loyalty.ApplyRewardAsync(call.Client, call.Str("cartId"), call.Str("rewardId"), call.Version, call.Cancellation));
        m.CartMutation("cartRewardRemove", "Removes the cart's reward.", _ => { }, call =>
            call.Loyalty.RemoveRewardAsync(call.Client, call.Str("cartId"), call.Version, call.Cancellation));
    }

    /// <summary>A mutation of an existing cart: cartId, its own arguments, and expectedVersion.</summary>
    internal static ObjectTypeBuilder CartMutation(this ObjectTypeBuilder m, string name, string description, Action<FieldBuilder> arguments, Func<CommerceCall, Task<CheckoutResult<Cart>>> run, CommerceAccess access = CommerceAccess.Cart) =>
        m.Field(name, "CartPayload!", f =>
        {
            f.Description(description).Arg("cartId", "ID!", "The cart.");
            arguments(f);
            f.Arg("expectedVersion", "Int", "The cart version the change is based on; CONFLICT when the cart has changed since.");
            f.ResolveCommerce(access, async call => SchemaDsl.Payload(await run(call), "cart"));
        });

    private static CartLineInput ToLine(IReadOnlyDictionary<string, object?> line) =>
        new(CommerceCall.S(line, "merchandiseId")!, CommerceCall.I(line, "quantity"), CommerceCall.S(line, "sessionId"), line.GetValueOrDefault("seatIds") is IEnumerable<object?> seats ? [.. seats.OfType<string>()] : null);
}
