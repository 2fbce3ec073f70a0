using CommerceGateway.Soak.Buyers;

namespace CommerceGateway.Soak.Invariants;

/// <summary>Everything the invariants are checked against: what callers saw and what the backends and Redis hold.</summary>
/// <param name="Orders">Orders the gateway confirmed to buyers.</param>
/// <param name="OrdersByKey">The distinct order ids each idempotency key was answered with.</param>
/// <param name="UntypedCount">Errors callers saw that were not typed ones of ours.</param>
/// <param name="UntypedExamples">The first of them.</param>
/// <param name="Ledger">The sandbox backends' records after the run.</param>
/// <param name="SeatHolds">The gateway's seat-hold keys left in Redis after the run.</param>
/// <param name="RefusedPayments">Buyers (by tag) whose last payment or capture answer was a definite failure, with what they saw.</param>
public sealed record SoakEvidence(
    IReadOnlyList<ConfirmedOrder> Orders,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> OrdersByKey,
    int UntypedCount,
    IReadOnlyList<CallerError> UntypedExamples,
    BackendLedger Ledger,
    IReadOnlyList<SeatHoldKey> SeatHolds,
    IReadOnlyDictionary<string, string> RefusedPayments);
