namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>An order's lifecycle status, as the protocol names them.</summary>
internal enum SpendgoOrderStatus
{
    Checkout,
    Placed,
    Billed,
    Completed,
    Voided,
    Refunded,
}

/// <summary>A cart item as the partner sent it.</summary>
internal sealed record SpendgoItem(string Sku, string? Name, int Quantity, decimal Price);

/// <summary>One order of an account, keyed by the partner's order id. Guarded by the store's lock.</summary>
internal sealed class SpendgoOrder(string accountId, string orderId, string spendgoId, string storeCode)
{
    public string AccountId { get; } = accountId;

    public string OrderId { get; } = orderId;

    /// <summary>The member, or "guest" for an order linked to no member.</summary>
    public string SpendgoId { get; } = spendgoId;

    public string StoreCode { get; } = storeCode;

    public SpendgoOrderStatus Status { get; set; }

    public IReadOnlyList<SpendgoItem> Items { get; set; } = [];

    public decimal Subtotal { get; set; }

    public string? RewardId { get; set; }

    public decimal Discount { get; set; }

    public decimal PointsEarned { get; set; }

    /// <summary>Banked points taken from the balance at billing (points-banking rewards).</summary>
    public decimal PointsRedeemed { get; set; }

    public List<(SpendgoOrderStatus Status, DateTimeOffset At)> History { get; } = [];

    public bool IsGuest => SpendgoId == SpendgoSeed.Guest;
}
