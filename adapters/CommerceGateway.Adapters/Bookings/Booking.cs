namespace CommerceGateway.Adapters;

/// <summary>A booking: seats held against an order that is paid and purchased later.</summary>
public sealed record Booking
{
    /// <summary>The backend's order code for the booking.</summary>
    public required string Id { get; init; }

    /// <summary>The channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The booking code given to the buyer (OneBox's locator).</summary>
    public string? Locator { get; init; }

    /// <summary>Status.</summary>
    public required BookingStatus Status { get; init; }

    /// <summary>Total to be paid.</summary>
    public required Money Total { get; init; }

    /// <summary>Amount paid at commit.</summary>
    public required Money AmountPaid { get; init; }

    /// <summary>When the hold lapses unless committed.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The items.</summary>
    public IReadOnlyList<BookingItem> Items { get; init; } = [];

    /// <summary>The cart the booking was made from.</summary>
    public string? CartId { get; init; }

    /// <summary>Adapter-owned identifiers.</summary>
    public BackendData Backend { get; init; } = BackendData.Empty;
}
