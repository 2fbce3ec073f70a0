using System.Globalization;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// Every order and the inventory of the Guest Manager sandbox. All work runs under one lock, after
/// a sweep that expires orders past <c>expires_at</c> (releasing their tickets) and settles
/// payments whose processing time is over, so time moves only through the injected clock.
/// </summary>
internal sealed class GuestManagerStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, GmOrder> _orders = [];
    private readonly Dictionary<long, int> _stock;
    private readonly TimeProvider _time;
    private long _nextId = 1000;

    public GuestManagerStore(GuestManagerCatalog catalog, GuestManagerSandboxSettings settings, TimeProvider time)
    {
        Catalog = catalog;
        Settings = settings;
        _time = time;
        _stock = catalog.Variants.Values.Where(v => v.Stock is not null).ToDictionary(v => v.Id, v => v.Stock!.Value);
    }

    public GuestManagerCatalog Catalog { get; }

    public GuestManagerSandboxSettings Settings { get; }

    /// <summary>The time of the current unit of work.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Runs <paramref name="work"/> alone, after expiring and settling what is due.</summary>
    public T Execute<T>(Func<GuestManagerStore, T> work)
    {
        lock (_lock)
        {
            Now = _time.GetUtcNow();
            foreach (var order in _orders.Values)
            {
                GuestManagerCheckout.Settle(this, order);
            }

            return work(this);
        }
    }

    /// <summary>Every order with its completed payments, for the sandbox ledger; call inside <see cref="Execute"/>.</summary>
    public IReadOnlyList<Hosting.LedgerEntry> Ledger() =>
        [.. _orders.Values.Select(o => new Hosting.LedgerEntry(
            "guestmanager", o.Id.ToString(CultureInfo.InvariantCulture), o.Number, o.State, GuestManagerTotals.Of(o).Total, o.Currency,
            GuestManagerTotals.Of(o).PaymentTotal, o.Payments.Count(p => p.State == "completed"), o.Email, [],
            o.State is GmStates.Complete or GmStates.Expired ? null : o.ExpiresAt))];

    public long NextId() => ++_nextId;

    public GmOrder Add(string currency, bool guestCheckout)
    {
        var id = NextId();
        var order = new GmOrder
        {
            Id = id,
            Number = "R" + (100_000_000 + id).ToString(CultureInfo.InvariantCulture),
            GuestToken = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            Currency = currency,
            CreatedAt = Now,
            ExpiresAt = Now + Settings.HoldDuration,
            GuestCheckout = guestCheckout,
        };
        _orders.Add(id, order);
        return order;
    }

    /// <summary>Forgets an order that could not be created, giving back what it held.</summary>
    public void Remove(GmOrder order)
    {
        ReleaseAll(order);
        _orders.Remove(order.Id);
    }

    public GmOrder Find(long id) => _orders.GetValueOrDefault(id) ?? throw GmError.NotFound($"Order {id}");

    /// <summary>By number ("R100001001") or, for convenience, by id.</summary>
    public GmOrder FindByNumber(string number) =>
        _orders.Values.FirstOrDefault(o => string.Equals(o.Number, number, StringComparison.OrdinalIgnoreCase))
        ?? (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Find(id) : throw GmError.NotFound($"Order {number}"));

    /// <summary>Units of <paramref name="variant"/> left to sell (int.MaxValue when unlimited).</summary>
    public int Available(GmVariant variant) => _stock.TryGetValue(variant.Id, out var left) ? left : int.MaxValue;

    public void Take(GmVariant variant, int quantity)
    {
        if (_stock.TryGetValue(variant.Id, out var left))
        {
            _stock[variant.Id] = left - quantity;
        }
    }

    public void Give(GmVariant variant, int quantity)
    {
        if (_stock.TryGetValue(variant.Id, out var left))
        {
            _stock[variant.Id] = left + quantity;
        }
    }

    /// <summary>Releases every unit the order holds back to inventory.</summary>
    public void ReleaseAll(GmOrder order)
    {
        foreach (var line in order.LineItems.Where(l => l.Held))
        {
            Give(line.Variant, line.Quantity);
            line.Held = false;
        }
    }
}
