namespace CommerceGateway.Soak.Buyers;

/// <content>The operations buyers send, as a storefront would.</content>
public sealed partial class Buyer
{
    internal const string Errors = "userErrors { code field message }";

    internal const string OrderFields = "order { id number paymentStatus total { amount currencyCode } }";

    internal const string CartCreate = "mutation($channel: String!) { cartCreate(channel: $channel) { cart { id } " + Errors + " } }";

    internal const string BuyerUpdate = "mutation($id: ID!, $email: String!, $last: String!) { cartBuyerUpdate(cartId: $id, buyer: { email: $email, firstName: \"Soak\", lastName: $last, phone: \"+15555550100\" }) { cart { id } " + Errors + " } }";

    internal const string Begin = "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id checkout { currentStep } cost { total { amount currencyCode } } lines { attendees { ticketId } } } " + Errors + " } }";

    internal const string Pay = "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspToken: \"tok_visa\", pspName: \"stripe\" }) { paymentStatus " + OrderFields + " cart { checkout { status } } " + Errors + " } }";

    internal const string CartRead = "query($id: ID!) { cart(id: $id) { checkout { status pollAfterSeconds } order { id number paymentStatus total { amount currencyCode } } } }";
}
