namespace CommerceGateway.Adapters;

/// <summary>Availability of a seat.</summary>
public enum SeatStatus
{
    /// <summary>Free to add to a cart.</summary>
    Available,

    /// <summary>Locked in someone's cart or booking.</summary>
    Held,

    /// <summary>Sold.</summary>
    Sold,
}
