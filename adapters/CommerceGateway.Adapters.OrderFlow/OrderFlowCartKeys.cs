using System.Globalization;

namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>What the adapter keeps in <see cref="Cart.Backend"/> and <see cref="Order.Backend"/>.</summary>
internal static class OrderFlowCartKeys
{
    /// <summary>The backend's order id, from the first cart call.</summary>
    public const string OrderId = "orderId";

    /// <summary>The customer id sent with every call (the gateway's cart id).</summary>
    public const string CustomerId = "customerId";

    /// <summary>The open invoice, once checkout invoiced the order.</summary>
    public const string InvoiceId = "invoiceId";

    /// <summary>Where and to whom a paid order ships, kept so a failed shipment can be retried.</summary>
    public const string ShipName = "ship.name";

    /// <summary>The recipient's phone.</summary>
    public const string ShipPhone = "ship.phone";

    /// <summary>The one-line shipping address.</summary>
    public const string ShipAddress = "ship.address";

    /// <summary>Where notifications go.</summary>
    public const string NotifyEmail = "notify.email";

    /// <summary>When a pipeline event happened, e.g. "at.CartUpdated".</summary>
    public static string At(string eventName) => "at." + eventName;

    public static BackendData WithTime(this BackendData data, string eventName, DateTimeOffset at) =>
        data.With(At(eventName), at.ToString("O", CultureInfo.InvariantCulture));

    public static DateTimeOffset? TimeOf(this BackendData data, string eventName) =>
        data.Get(At(eventName)) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
