namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>A sellable variant of the seeded catalog.</summary>
internal sealed record GmVariant(
    long Id,
    string Name,
    decimal Price,
    int? Stock,
    long? EventId = null,
    bool CollectName = false,
    bool CollectEmail = false,
    bool Shippable = false,
    bool OnSale = true,
    bool CanRequest = false,
    bool CanReserve = false)
{
    /// <summary>Ticket types issue one ticket per unit.</summary>
    public bool IsTicket => EventId is not null;

    /// <summary>The ticket step applies to this ticket type.</summary>
    public bool CollectsAttendee => CollectName || CollectEmail;
}

/// <summary>A question of an event's form.</summary>
internal sealed record GmFormField(long Id, string Label, string Kind, bool Required, IReadOnlyList<(long Id, string Label)> Options);

/// <summary>A form configured on an event.</summary>
internal sealed record GmForm(long Id, string Name, IReadOnlyList<GmFormField> Fields);

/// <summary>A country the address step accepts, by id or ISO code, with its states by id and code.</summary>
internal sealed record GmCountry(long Id, string Iso, string Name, IReadOnlyDictionary<string, long> States);

/// <summary>
/// The seeded account: ticket types that collect attendee names (one with a form), a shippable
/// item, a sold-out item that can be requested, an off-sale item that can be reserved, a free
/// ticket, a scarce ticket, coupons and countries.
/// </summary>
internal sealed class GuestManagerCatalog
{
    public GuestManagerCatalog()
    {
        Variants = new[]
        {
            new GmVariant(101, "Summer Festival - General Admission", 25.00m, 500, EventId: 1, CollectName: true),
            new GmVariant(102, "VIP Night - VIP Pass", 53.50m, 50, EventId: 2, CollectName: true, CollectEmail: true),
            new GmVariant(201, "Festival T-Shirt", 20.00m, 200, Shippable: true),
            new GmVariant(301, "Sold Out Show - General Admission", 40.00m, 0, EventId: 3, CollectName: true, CanRequest: true),
            new GmVariant(401, "Next Year Presale - Early Bird", 30.00m, 100, EventId: 4, CollectName: true, OnSale: false, CanReserve: true),
            new GmVariant(501, "Community Day - Free Entry", 0.00m, 1000, EventId: 6),
            new GmVariant(601, "Backstage Tour", 75.00m, 2, EventId: 5, CollectName: true),
            new GmVariant(701, "Closed Rehearsal", 15.00m, 10, EventId: 7, OnSale: false),
        }.ToDictionary(v => v.Id);

        Forms = new Dictionary<long, GmForm>
        {
            [2] = new GmForm(38, "VIP Night questions",
            [
                new GmFormField(167286, "T-shirt size", "choice", true, [(791, "S"), (792, "M"), (793, "L")]),
                new GmFormField(167287, "Dietary requirements", "text", false, []),
            ]),
        };

        Countries = new[]
        {
            new GmCountry(14, "AU", "Australia", new Dictionary<string, long> { ["NSW"] = 160, ["VIC"] = 161, ["WA"] = 162 }),
            new GmCountry(39, "CA", "Canada", new Dictionary<string, long> { ["ON"] = 390, ["QC"] = 391, ["BC"] = 392 }),
            new GmCountry(57, "DE", "Germany", new Dictionary<string, long>()),
            new GmCountry(75, "FR", "France", new Dictionary<string, long>()),
            new GmCountry(77, "GB", "United Kingdom", new Dictionary<string, long>()),
            new GmCountry(233, "US", "United States", new Dictionary<string, long> { ["CA"] = 3001, ["IL"] = 3002, ["NY"] = 3003, ["TX"] = 3004, ["WA"] = 3005 }),
        };
    }

    public IReadOnlyDictionary<long, GmVariant> Variants { get; }

    /// <summary>Forms by event id.</summary>
    public IReadOnlyDictionary<long, GmForm> Forms { get; }

    public IReadOnlyList<GmCountry> Countries { get; }

    /// <summary>Currencies orders may be created in (every price is the same number in each).</summary>
    public IReadOnlySet<string> Currencies { get; } = new HashSet<string>(StringComparer.Ordinal) { "USD", "CAD", "AUD", "EUR", "GBP" };

    /// <summary>The payment method the account offers.</summary>
    public (long Id, string Name, string Type) PaymentMethod { get; } = (1, "Credit Card", "stripe");

    /// <summary>Shipping rates offered for shippable items, cheapest first.</summary>
    public IReadOnlyList<(string Name, decimal Cost)> ShippingRates { get; } = [("Standard", 5.00m), ("Express", 15.00m)];

    /// <summary>The discount of a coupon on an item total, or null for an unknown code.</summary>
    public static decimal? CouponDiscount(string code, decimal itemTotal) => code.ToUpperInvariant() switch
    {
        "SAVE10" => Math.Round(itemTotal * 0.10m, 2, MidpointRounding.AwayFromZero),
        "FIVEOFF" => Math.Min(5.00m, itemTotal),
        _ => null,
    };

    public GmCountry? FindCountry(long? id, string? iso) =>
        Countries.FirstOrDefault(c => (id is not null && c.Id == id) || (iso is not null && string.Equals(c.Iso, iso, StringComparison.OrdinalIgnoreCase)));
}
