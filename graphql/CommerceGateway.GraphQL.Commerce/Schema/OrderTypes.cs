using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Orders with payment state, shipments and the backend's timeline.</summary>
internal static class OrderTypes
{
    public static void Add(SchemaBuilder builder) => builder
        .Enum("OrderStatus", e => e.Description("The fulfilment side of an order.").Values<OrderStatus>())
        .Enum("PaymentStatus", e => e.Description("The money side of an order or payment.").Values<PaymentStatus>())
        .Type("OrderLine", o => o
            .Description("One line of an order.")
            .Prop("id", "ID!", "The backend's line id.")
            .Prop("merchandiseId", "ID!", "What was bought.")
            .Prop("title", "String", "Display title.")
            .Prop("quantity", "Int!", "Units.")
            .Prop<OrderLine>("total", "Money!", "Line total.", l => l.Total)
            .Prop("ticketCode", "String", "Barcode or ticket code, for tickets."))
        .Type("Shipment", o => o
            .Description("A shipment of an order.")
            .Prop("trackingNumber", "String!", "The carrier's tracking number.")
            .Prop("carrier", "String", "The carrier."))
        .Type("OrderEvent", o => o
            .Description("Something that happened to the order at its backend, in the backend's vocabulary (e.g. OrderFlow's CartUpdated, InvoiceCreated, PaymentProcessed, OrderShipped).")
            .Prop("name", "String!", "The event's name as the backend calls it.")
            .Prop("occurredAt", "DateTime!", "When it happened.")
            .Prop("detail", "String", "A short detail."))
        .Type("Order", o => o
            .Description("An order created by a checkout or a booking purchase.")
            .Prop<OrderRecord>("id", "ID!", "The order's unguessable id; only the client that placed it can use it.", r => r.Id)
            .Prop<OrderRecord>("number", "String", "The backend's human-facing order number.", r => r.Order.Number ?? r.Order.Id)
            .Prop<OrderRecord>("channel", "String!", "The channel it was placed on.", r => r.Order.Channel)
            .Prop<OrderRecord>("cartId", "ID!", "The cart (or booking) it came from.", r => r.CartId)
            .Prop<OrderRecord>("status", "OrderStatus!", "Fulfilment status.", r => r.Order.Status)
            .Prop<OrderRecord>("paymentStatus", "PaymentStatus!", "Payment status.", r => r.Order.PaymentStatus)
            .Prop<OrderRecord>("total", "Money!", "The order total.", r => r.Order.Total)
            .Prop<OrderRecord>("amountPaid", "Money!", "Captured so far.", r => r.Order.AmountPaid)
            .Prop<OrderRecord>("amountRefunded", "Money!", "Refunded so far.", r => r.Order.AmountRefunded)
            .Prop<OrderRecord>("failureReason", "String", "Why the payment or capture failed, as the backend said it.", r => r.Order.FailureReason)
            .Prop<OrderRecord>("lines", "[OrderLine!]!", "The lines.", r => r.Order.Lines)
            .Prop<OrderRecord>("shipments", "[Shipment!]!", "Shipments with tracking numbers.", r => r.Order.Shipments)
            .Prop<OrderRecord>("trackingNumber", "String", "The first shipment's tracking number.", r => r.Order.Shipments.Count > 0 ? r.Order.Shipments[0].TrackingNumber : null)
            .Prop<OrderRecord>("timeline", "[OrderEvent!]!", "The backend's events for this order, oldest first.", r => r.Order.Events)
            .Prop<OrderRecord>("createdAt", "DateTime", "When the order was created.", r => r.Order.CreatedAt)
            .Prop<OrderRecord>("loyalty", "CartLoyalty", "The loyalty member and reward carried over from the cart, and whether the program has every stage the order calls for.", r => LoyaltyView.Of(r.Loyalty, r.LoyaltyOwed)));
}
