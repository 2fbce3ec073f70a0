using System.Globalization;

namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// The life of a Livescale authorization: it is capturable for the channel's
/// <see cref="LivescaleCommerceBackend.AuthorizationLifetimeSetting"/> after the merchant accepted it,
/// and an order whose authorization lapsed reads as a failed payment instead of an authorized one.
/// </summary>
internal readonly record struct LivescaleAuthorization(TimeSpan Lifetime)
{
    /// <summary>When the order's authorization lapsed, or null while it lives (or the order is not authorized).</summary>
    public DateTimeOffset? LapsedAt(Order order, DateTimeOffset now)
    {
        if (order.PaymentStatus != PaymentStatus.Authorized)
        {
            return null;
        }

        var authorizedAt = order.Backend.Get(LivescaleKeys.AuthorizedAt) is { } stamp
            ? DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : order.CreatedAt;
        var lapsed = authorizedAt + Lifetime;
        return lapsed <= now ? lapsed : null;
    }

    /// <summary>Why an order lapsed at <paramref name="lapsedAt"/> can no longer be captured.</summary>
    public string Reason(Order order, DateTimeOffset lapsedAt) =>
        $"The authorization of order {order.Id} lapsed at {lapsedAt:O} (it is capturable for {Lifetime} after the authorization, channel setting {LivescaleCommerceBackend.AuthorizationLifetimeSetting}); it can no longer be captured.";

    /// <summary>
    /// The order as it stands once its authorization lapsed: payment Failed with the reason and an
    /// AUTHORIZATION_LAPSED event, the merchant's order status untouched (the merchant is told nothing:
    /// the protocol has no call for it, and a read must not write).
    /// </summary>
    public Order Lapse(Order order, DateTimeOffset lapsedAt)
    {
        var reason = Reason(order, lapsedAt);
        return order with
        {
            PaymentStatus = PaymentStatus.Failed,
            FailureReason = reason,
            Events = [.. order.Events, new OrderEvent("AUTHORIZATION_LAPSED", lapsedAt, reason)],
        };
    }
}
