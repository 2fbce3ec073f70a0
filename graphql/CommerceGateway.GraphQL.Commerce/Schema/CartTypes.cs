using CommerceGateway.Adapters;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>The cart and its checkout.</summary>
internal static class CartTypes
{
    public static void Add(SchemaBuilder builder)
    {
        AddParts(builder);
        builder.Type("Cart", o => o
            .Description("A cart on one channel, kept in the gateway's session store so any replica continues it.")
            .Prop("id", "ID!", "The cart's unguessable id; only the client that created it can use it.")
            .Prop("channel", "String!", "The channel the cart sells on.")
            .Prop<Cart>("currencyCode", "String!", "The cart's ISO 4217 currency.", c => c.Currency.Code)
            .Prop<Cart>("version", "Int!", "The stored version; pass it as expectedVersion to refuse changes made meanwhile.", c => c.Version)
            .Prop("lines", "[CartLine!]!", "The lines.")
            .Prop("buyer", "Buyer", "The buyer, once known.")
            .Prop("shippingAddress", "MailingAddress", "Where to ship.")
            .Prop("billingAddress", "MailingAddress", "The billing address.")
            .Prop<Cart>("shippingMethod", "ShippingMethod", "The chosen shipping method.", c => c.ShippingOption)
            .Field("availableShippingMethods", "[ShippingMethod!]", f => f
                .Description("The shipping methods the backend offers for this cart; null when the channel ships nothing.")
                .ResolveCommerce(CommerceAccess.Cart, async call =>
                {
                    var cart = (Cart)call.Context.Parent!;
                    var result = await call.Carts.GetShippingOptionsAsync(call.Client, cart.Id, call.Cancellation);
                    return result.Value;
                }))
            .Prop("discountCodes", "[String!]!", "Discount codes applied.")
            .Prop("formAnswers", "[FormAnswer!]!", "Answers given to the backend's form.")
            .Prop<Cart>("cost", "CartCost!", "Amounts as the backend computed them.", c => c.Totals)
            .Prop("expiresAt", "DateTime", "When the backend drops the cart or its holds.")
            .Prop<Cart>("expired", "Boolean!", "True when the cart's holds lapsed; checkoutResume re-holds them when possible.", c => c.Checkout.Status == CheckoutStatus.Expired)
            .Prop("checkout", "CartCheckout!", "The checkout: ordered steps, the current one, status.")
            .Prop<Cart>("loyalty", "CartLoyalty", "The loyalty member and reward.", c => LoyaltyView.Of(c.Loyalty))
            .Field("order", "Order", f => f
                .Description("The order the checkout created, once there is one.")
                .ResolveCommerce(CommerceAccess.Cart, async call =>
                    ((Cart)call.Context.Parent!).OrderId is { } orderId ? await call.Orders.GetOrderAsync(call.Client, orderId, call.Cancellation) : null)));
    }

    private static void AddParts(SchemaBuilder builder) => builder
        .Type("HeldSeat", o => o
            .Description("A seat held for the cart until expiresAt.")
            .Prop("seatId", "ID!", "The seat.")
            .Prop("sessionId", "ID!", "The event session.")
            .Prop("label", "String", "Human-readable position, e.g. \"Row C, Seat 12\".")
            .Prop("expiresAt", "DateTime!", "When the hold lapses unless bought."))
        .Type("Attendee", o => o
            .Description("The named holder of one ticket.")
            .Prop("ticketId", "ID!", "The ticket within the line.")
            .Prop("name", "String", "Attendee name.")
            .Prop("email", "String", "Attendee email."))
        .Type("CartLine", o => o
            .Description("A quantity of one merchandise item, or held seats.")
            .Prop("id", "ID!", "The line id, stable for the cart's life.")
            .Prop("merchandiseId", "ID!", "The variant id (or rate id for seats).")
            .Prop("title", "String", "Display title.")
            .Prop("quantity", "Int!", "Units (seats count one each).")
            .Prop<CartLine>("unitPrice", "Money!", "Price of one unit.", l => l.UnitPrice)
            .Prop<CartLine>("total", "Money!", "Line total as the backend computed it.", l => l.Total)
            .Prop("seats", "[HeldSeat!]!", "Seats held for this line.")
            .Prop("attendees", "[Attendee!]!", "Named ticket holders.")
            .Prop("expiresAt", "DateTime", "When the line's hold lapses; null when nothing is held."))
        .Type("Buyer", o => o
            .Description("The person checking out.")
            .Prop("email", "String", "Contact email.")
            .Prop("firstName", "String", "Given name.")
            .Prop("lastName", "String", "Family name.")
            .Prop("phone", "String", "Phone number."))
        .Type("MailingAddress", o => o
            .Description("A postal address.")
            .Prop<Address>("address1", "String!", "Street and number.", a => a.Line1)
            .Prop<Address>("address2", "String", "Apartment, suite, floor.", a => a.Line2)
            .Prop("city", "String!", "City or town.")
            .Prop<Address>("provinceCode", "String", "State or province code, e.g. \"CA\".", a => a.RegionCode)
            .Prop<Address>("zip", "String!", "Postal or ZIP code.", a => a.PostalCode)
            .Prop("countryCode", "String!", "ISO 3166-1 alpha-2 country code.")
            .Prop("firstName", "String", "Recipient's given name.")
            .Prop("lastName", "String", "Recipient's family name.")
            .Prop("phone", "String", "Recipient's phone.")
            .Prop("company", "String", "Company."))
        .Type("ShippingMethod", o => o
            .Description("A shipping or delivery method.")
            .Prop("id", "ID!", "The method id, for cartShippingMethodUpdate.")
            .Prop("title", "String!", "Display name.")
            .Prop("price", "Money!", "Cost of the method."))
        .Type("FormAnswer", o => o
            .Description("An answer to one question of the backend's form.")
            .Prop("formId", "ID!", "The form.")
            .Prop("questionId", "ID!", "The question.")
            .Prop("value", "String!", "The answer."))
        .Type("CartCost", o => o
            .Description("The cart's amounts as the backend computed them; the gateway never recomputes prices.")
            .Prop<CartTotals>("subtotal", "Money!", "Sum of the lines before discounts, shipping and taxes.", t => t.Subtotal)
            .Prop<CartTotals>("discounts", "Money!", "Total discount (subtracted), the loyalty reward's included.", t => t.Discounts)
            .Prop<CartTotals>("loyaltyDiscount", "Money", "The loyalty reward's discount, part of discounts and already taken off total; null without a reward.", t => t.LoyaltyDiscount)
            .Prop<CartTotals>("shipping", "Money!", "Shipping cost.", t => t.Shipping)
            .Prop<CartTotals>("taxes", "Money!", "Tax amount.", t => t.Taxes)
            .Prop<CartTotals>("total", "Money!", "What the buyer pays, after every discount (the loyalty reward's included); a payment's amount must equal it.", t => t.Total)
            .Prop<CartTotals>("taxesIncluded", "Boolean!", "True when prices include tax.", t => t.TaxesIncluded))
        .Enum("CheckoutStepKind", e => e.Description("A step of a checkout; each backend requires its own ordered subset.").Values<CheckoutStepKind>())
        .Enum("CheckoutStatus", e => e.Description("Where a cart's checkout stands.").Values<CheckoutStatus>())
        .Type("CheckoutStep", o => o
            .Description("One step of the checkout and what it still needs.")
            .Prop("kind", "CheckoutStepKind!", "Which step.")
            .Prop("completed", "Boolean!", "True when the backend has everything this step asks for.")
            .Prop("missing", "[String!]!", "Inputs still missing, e.g. \"buyer.email\", \"attendees\"."))
        .Type("CartCheckout", o => o
            .Description("The checkout this backend requires for the cart.")
            .Prop("status", "CheckoutStatus!", "Overall status.")
            .Prop("steps", "[CheckoutStep!]!", "The steps in the order the backend walks them; empty before checkoutBegin.")
            .Prop<CheckoutState>("currentStep", "CheckoutStepKind", "The step the buyer is on.", s => s.Current)
            .Prop<CheckoutState>("pollAfterSeconds", "Float", "While PROCESSING: how long to wait before querying the cart again.", s => s.PollAfter?.TotalSeconds)
            .Prop("failureReason", "String", "After PAYMENT_FAILED: the reason the backend gave."));
}
