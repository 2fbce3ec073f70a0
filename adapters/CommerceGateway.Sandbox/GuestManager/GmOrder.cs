namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>One order's state in the sandbox; only touched under the store's lock.</summary>
internal sealed class GmOrder
{
    public required long Id { get; init; }

    public required string Number { get; init; }

    public required string GuestToken { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string State { get; set; } = GmStates.Cart;

    /// <summary>The steps fixed when checkout began (empty in the cart).</summary>
    public List<string> CheckoutSteps { get; set; } = [];

    public bool GuestCheckout { get; set; } = true;

    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? PhoneNumber { get; set; }

    public string? PhoneNumberCountry { get; set; }

    public List<GmLineItem> LineItems { get; } = [];

    public List<GmTicket> Tickets { get; } = [];

    public GmAddress? BillAddress { get; set; }

    public GmAddress? ShipAddress { get; set; }

    public List<GmFormResponse> FormResponses { get; } = [];

    public List<GmPayment> Payments { get; } = [];

    public List<string> CouponCodes { get; } = [];

    public GmShipment? Shipment { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? PaymentState { get; set; }

    /// <summary>The state the order expired from, so resume can return to it.</summary>
    public string? ExpiredFrom { get; set; }

    public DateTimeOffset? ProcessingUntil { get; set; }

    /// <summary>The payment being processed will be declined (decline fault or a declining token).</summary>
    public bool DeclinePending { get; set; }
}

/// <summary>A line of an order.</summary>
internal sealed class GmLineItem
{
    public required long Id { get; init; }

    public required GmVariant Variant { get; init; }

    public int Quantity { get; set; }

    /// <summary>available (inventory held), requested (sold out, wait list) or reserved (not yet on sale).</summary>
    public required string Status { get; set; }

    /// <summary>True while the line's units are taken from inventory.</summary>
    public bool Held { get; set; }
}

/// <summary>One ticket of a ticket-type line.</summary>
internal sealed class GmTicket
{
    public required long Id { get; init; }

    public required long LineItemId { get; init; }

    public required GmVariant Variant { get; init; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public bool Keep { get; set; }

    public string? Barcode { get; set; }
}

/// <summary>A billing or shipping address, stored with its resolved country and state.</summary>
internal sealed record GmAddress(
    long Id,
    string? FirstName,
    string? LastName,
    string Address1,
    string? Address2,
    string City,
    string Zipcode,
    string? Phone,
    string? Company,
    GmCountry Country,
    string? StateCode,
    long? StateId);

/// <summary>The answers of one form of an order.</summary>
internal sealed class GmFormResponse
{
    public required long Id { get; init; }

    public required long EventId { get; init; }

    public required GmForm Form { get; init; }

    /// <summary>Answer ids by field id.</summary>
    public required IReadOnlyDictionary<long, long> AnswerIds { get; init; }

    /// <summary>Values by answer id.</summary>
    public Dictionary<long, string?> Values { get; } = [];
}

/// <summary>A payment of an order.</summary>
internal sealed class GmPayment
{
    public required long Id { get; init; }

    public required long PaymentMethodId { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>checkout (held for confirm), processing, completed or failed.</summary>
    public required string State { get; set; }

    public string? ResponseCode { get; set; }

    public string? FailureMessage { get; set; }
}

/// <summary>The order's shipment with its rates.</summary>
internal sealed class GmShipment
{
    public required long Id { get; init; }

    public required IReadOnlyList<(long Id, string Name, decimal Cost)> Rates { get; init; }

    public long SelectedRateId { get; set; }

    public decimal Cost => Rates.First(r => r.Id == SelectedRateId).Cost;
}

/// <summary>Order states and checkout steps, as the protocol names them.</summary>
internal static class GmStates
{
    public const string Cart = "cart";
    public const string Email = "email";
    public const string Tickets = "tickets";
    public const string Address = "address";
    public const string Delivery = "delivery";
    public const string Form = "form";
    public const string Payment = "payment";
    public const string Confirm = "confirm";
    public const string Processing = "processing";
    public const string Complete = "complete";
    public const string Requested = "requested";
    public const string Reserved = "reserved";
    public const string Expired = "expired";

    /// <summary>States after which nothing can change.</summary>
    public static bool IsFinal(string state) => state is Complete or Requested or Reserved;
}
