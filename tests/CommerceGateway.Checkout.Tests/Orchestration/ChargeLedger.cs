using System.Collections.Concurrent;
using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>Counts charges across every backend instance of a test, like the PSP would, and keeps the amounts charged.</summary>
public sealed class ChargeLedger
{
    private readonly ConcurrentQueue<Money> _amounts = new();

    public int Charges => _amounts.Count;

    /// <summary>Every amount charged, oldest first.</summary>
    public IReadOnlyList<Money> Amounts => [.. _amounts];

    public void Charge(Money amount) => _amounts.Enqueue(amount);
}
