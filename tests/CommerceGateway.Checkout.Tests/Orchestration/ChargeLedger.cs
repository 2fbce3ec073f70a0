namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>Counts charges across every backend instance of a test, like the PSP would.</summary>
public sealed class ChargeLedger
{
    private int _charges;

    public int Charges => _charges;

    public void Charge() => Interlocked.Increment(ref _charges);
}
