namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>The pipeline's event names, as the OrderFlow protocol calls them.</summary>
internal static class OrderFlowEvents
{
    public const string CartUpdated = "CartUpdated";
    public const string InvoiceCreated = "InvoiceCreated";
    public const string PaymentProcessed = "PaymentProcessed";
    public const string OrderShipped = "OrderShipped";
}
