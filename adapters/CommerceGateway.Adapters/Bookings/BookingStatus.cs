namespace CommerceGateway.Adapters;

/// <summary>Where a booking stands.</summary>
public enum BookingStatus
{
    /// <summary>Created: seats held (45 minutes at OneBox-style backends) until committed.</summary>
    Held,

    /// <summary>Committed with a payment at least equal to the total.</summary>
    Committed,

    /// <summary>Turned into a purchase.</summary>
    Purchased,

    /// <summary>The hold lapsed; seats were released.</summary>
    Expired,
}
