namespace CommerceGateway.Sandbox.Booking;

/// <summary>Where a seat stands at the backend.</summary>
internal enum BookingSeatStatus
{
    Free,
    Locked,
    Booked,
    Sold,
}

/// <summary>The live state of one seat; mutated only under the store's lock.</summary>
internal sealed class BookingSeatState(BookingSession session, BookingSeatDefinition definition)
{
    public BookingSession Session { get; } = session;

    public BookingSeatDefinition Definition { get; } = definition;

    public BookingSeatStatus Status { get; set; } = definition.SoldAtStart ? BookingSeatStatus.Sold : BookingSeatStatus.Free;
}

/// <summary>One seat in a cart or order, at one rate.</summary>
internal sealed record BookingItem(long Id, BookingSeatState Seat, BookingRate Rate)
{
    public string? Barcode { get; init; }
}

/// <summary>The buyer's details given with <c>clientData</c>.</summary>
internal sealed record BookingClientData(string? FirstName, string? LastName, string Email, string? Telephone, string? Address, string? City, string? PostalCode);

/// <summary>The delivery method given with <c>delivery</c>.</summary>
internal sealed record BookingDelivery(string Type, decimal Cost);

/// <summary>A shopping cart: seats locked until <see cref="ExpiresAt"/> (10 minutes after the last change).</summary>
internal sealed class BookingCart(string token, string channelId)
{
    public string Token { get; } = token;

    public string ChannelId { get; } = channelId;

    public List<BookingItem> Items { get; } = [];

    public BookingClientData? ClientData { get; set; }

    public BookingDelivery? Delivery { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Kind of order: <c>orderType</c> of createOrder.</summary>
internal enum BookingOrderType
{
    Purchase,
    Booking,
}

/// <summary>
/// An order made from a cart. Pending orders hold their seats until <see cref="ExpiresAt"/>
/// (45 minutes after createOrder); committed ones keep them.
/// </summary>
internal sealed class BookingOrder(string code, string channelId, BookingOrderType type)
{
    public string Code { get; } = code;

    public string ChannelId { get; } = channelId;

    public BookingOrderType Type { get; set; } = type;

    public bool Committed { get; set; }

    public string? Locator { get; set; }

    public List<BookingItem> Items { get; } = [];

    public BookingClientData? ClientData { get; init; }

    public BookingDelivery? Delivery { get; init; }

    /// <summary>When a pending order is deleted and its seats released; null once committed or converted from a booking.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Paid in earlier commits (a committed booking's payment is credited to its purchase).</summary>
    public decimal Paid { get; set; }

    /// <summary>When the order was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Booking this purchase was converted from, once purchaseBooking ran.</summary>
    public bool FromBooking { get; set; }

    public decimal Total => Items.Sum(i => i.Rate.Price) + (Delivery?.Cost ?? 0m);

    public decimal ToBePaid => Committed ? 0m : Math.Max(0m, Total - Paid);
}
