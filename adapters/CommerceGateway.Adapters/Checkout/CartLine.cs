namespace CommerceGateway.Adapters;

/// <summary>One line of a cart: a quantity of one merchandise item, or held seats.</summary>
public sealed record CartLine
{
    /// <summary>The line's id, stable for the life of the cart.</summary>
    public required string Id { get; init; }

    /// <summary>What is bought: a product variant id, or an event session/rate id for seats.</summary>
    public required string MerchandiseId { get; init; }

    /// <summary>Display title.</summary>
    public string? Title { get; init; }

    /// <summary>Units on the line (seats count one each).</summary>
    public required int Quantity { get; init; }

    /// <summary>Price of one unit.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>Line total as the backend computed it (may include line discounts).</summary>
    public required Money Total { get; init; }

    /// <summary>Seats held for this line; empty for non-seated merchandise.</summary>
    public IReadOnlyList<HeldSeat> Seats { get; init; } = [];

    /// <summary>Named ticket holders, when the backend asks for attendee names.</summary>
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];

    /// <summary>When the line's reservation lapses (earliest seat or ticket expiry); null when nothing is held.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
