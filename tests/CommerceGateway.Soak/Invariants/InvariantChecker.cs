using System.Globalization;

namespace CommerceGateway.Soak.Invariants;

/// <summary>
/// The product's promises under load and faults, checked against the backends' own records (not
/// against what the gateway says about itself): no seat sold or held twice, no payment taken
/// twice, every confirmed order real and for the amount confirmed, no hold outliving its TTL,
/// every error typed. Pure: the same evidence always gives the same verdicts.
/// </summary>
public static class InvariantChecker
{
    private const int Shown = 5;

    /// <summary>The channels buyers use, with the sandbox protocol behind each.</summary>
    public static IReadOnlyDictionary<string, string> ProtocolOfChannel { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["booking-demo"] = "booking",
        ["orderflow-demo"] = "orderflow",
        ["guestmanager-demo"] = "guestmanager",
        ["loyalty-demo"] = "example",
    };

    public static IReadOnlyList<InvariantResult> Check(SoakEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return
        [
            NoSeatSoldOrHeldTwice(evidence),
            NoPaymentCapturedTwice(evidence),
            NoChargeAfterARefusal(evidence),
            ConfirmedOrdersMatchTheBackend(evidence),
            NoHoldPastItsTtl(evidence),
            EveryErrorTyped(evidence),
            EveryChannelSold(evidence),
        ];
    }

    private static InvariantResult NoSeatSoldOrHeldTwice(SoakEvidence evidence)
    {
        var live = evidence.Ledger.Entries.Where(e => e.Protocol == "booking" && e.SeatIds.Count > 0).ToList();
        var backend = live.SelectMany(e => e.SeatIds.Select(s => (Seat: s, Record: $"{e.State} {e.Id}")))
            .GroupBy(p => p.Seat).Where(g => g.Count() > 1)
            .Select(g => $"seat {g.Key} in {string.Join(" and ", g.Select(p => p.Record))}");
        var confirmed = evidence.Orders.Where(o => o.Channel == "booking-demo")
            .SelectMany(o => o.SeatIds.Select(s => (Seat: s, o.OrderId))).GroupBy(p => p.Seat).Where(g => g.Select(p => p.OrderId).Distinct().Count() > 1)
            .Select(g => $"seat {g.Key} confirmed to orders {string.Join(" and ", g.Select(p => p.OrderId).Distinct())}");
        var violations = backend.Concat(confirmed).ToList();
        return Verdict(
            "no seat sold or held twice",
            violations,
            $"{live.Sum(e => e.SeatIds.Count)} seats in {live.Count} backend carts and orders, {evidence.Orders.Where(o => o.Channel == "booking-demo").Sum(o => o.SeatIds.Count)} seats confirmed to buyers");
    }

    private static InvariantResult NoPaymentCapturedTwice(SoakEvidence evidence)
    {
        var perKey = evidence.OrdersByKey.Where(p => p.Value.Count > 1).Select(p => $"key {p.Key} answered with orders {string.Join(", ", p.Value)}");
        var perRecord = evidence.Ledger.Entries.Where(e => e.Captures > 1 || e.Captured > e.Total)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Protocol} {e.Id}: {e.Captures} captures, {e.Captured} taken of {e.Total}"));
        var perBuyer = evidence.Ledger.Entries.Where(e => e.Captured > 0m && BuyerTag(e.Buyer) is not null)
            .GroupBy(e => BuyerTag(e.Buyer)!).Where(g => g.Count() > 1)
            .Select(g => $"buyer {g.Key} (one idempotency key) charged by {string.Join(" and ", g.Select(e => $"{e.Protocol} {e.Id}"))}");
        var violations = perKey.Concat(perRecord).Concat(perBuyer).ToList();
        return Verdict(
            "no payment captured twice",
            violations,
            $"{evidence.OrdersByKey.Count} idempotency keys answered, {evidence.Ledger.Entries.Count(e => e.Captured > 0m)} backend records with money taken");
    }

    /// <summary>A caller told "failed" must not be charged anyway: a retry would then pay twice.</summary>
    private static InvariantResult NoChargeAfterARefusal(SoakEvidence evidence)
    {
        var charged = evidence.Ledger.Entries.Where(e => e.Captured > 0m && BuyerTag(e.Buyer) is not null).ToList();
        var violations = charged.Where(e => evidence.RefusedPayments.ContainsKey(BuyerTag(e.Buyer)!))
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"buyer {BuyerTag(e.Buyer)} was answered {evidence.RefusedPayments[BuyerTag(e.Buyer)!]} but {e.Protocol} {e.Id} took {e.Captured} {e.Currency}"))
            .ToList();
        var confirmedBuyers = evidence.Orders.Select(o => o.Buyer).ToHashSet(StringComparer.Ordinal);
        var unanswered = charged.Count(e => !confirmedBuyers.Contains(BuyerTag(e.Buyer)!) && !evidence.RefusedPayments.ContainsKey(BuyerTag(e.Buyer)!));
        return Verdict(
            "no payment taken after its caller was told it failed",
            violations,
            $"{evidence.RefusedPayments.Count} payments refused to buyers, none charged; {unanswered} charges whose buyer never got a final answer (no answer, or still processing when the buyer stopped polling)");
    }

    private static InvariantResult ConfirmedOrdersMatchTheBackend(SoakEvidence evidence)
    {
        var violations = new List<string>();
        foreach (var order in evidence.Orders)
        {
            var protocol = ProtocolOfChannel.GetValueOrDefault(order.Channel, order.Channel);
            var record = evidence.Ledger.Entries.FirstOrDefault(e => e.Protocol == protocol && (e.Number == order.Number || e.Id == order.Number));
            if (record is null)
            {
                violations.Add($"{order.Channel} order {order.Number} ({order.OrderId}) is not at the backend");
                continue;
            }

            if (record.Total != order.Total || !string.Equals(record.Currency, order.Currency, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{order.Channel} order {order.Number}: confirmed {order.Total} {order.Currency}, backend {record.Total} {record.Currency}"));
            }
            else if (record.Captured != record.Total)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{order.Channel} order {order.Number}: confirmed paid, backend took {record.Captured} of {record.Total}"));
            }

            if (order.SeatIds.Count > 0 && !order.SeatIds.Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Order().SequenceEqual(record.SeatIds.Order()))
            {
                violations.Add($"{order.Channel} order {order.Number}: confirmed seats {string.Join(',', order.SeatIds)}, backend {string.Join(',', record.SeatIds)}");
            }
        }

        return Verdict("every confirmed order is at its backend with the same total and currency", violations, $"{evidence.Orders.Count} confirmed orders found with their totals");
    }

    private static InvariantResult NoHoldPastItsTtl(SoakEvidence evidence)
    {
        var backend = evidence.Ledger.Entries.Where(e => e.HoldExpiresAt is { } at && at < evidence.Ledger.ReadAt)
            .Select(e => $"{e.Protocol} {e.State} {e.Id} still holds {e.SeatIds.Count} seats past {e.HoldExpiresAt:O}");
        var redis = evidence.SeatHolds.Where(h => h.TtlMilliseconds < 0).Select(h => $"Redis key {h.Key} has no TTL");
        var violations = backend.Concat(redis).ToList();
        return Verdict(
            "no hold left past its TTL",
            violations,
            $"{evidence.Ledger.Entries.Count(e => e.HoldExpiresAt is not null)} backend holds before their deadline, {evidence.SeatHolds.Count} gateway seat holds in Redis all with a TTL");
    }

    private static InvariantResult EveryErrorTyped(SoakEvidence evidence) =>
        Verdict(
            "every error a caller saw is a typed one of ours",
            [.. evidence.UntypedExamples.Select(e => $"{e.Operation}: {e.Code} \"{e.Message}\"")],
            "no untyped error",
            evidence.UntypedCount);

    private static InvariantResult EveryChannelSold(SoakEvidence evidence)
    {
        var missing = ProtocolOfChannel.Keys.Where(c => !evidence.Orders.Any(o => o.Channel == c)).Select(c => $"{c} confirmed no checkout").ToList();
        var counts = string.Join(", ", ProtocolOfChannel.Keys.Select(c => $"{c} {evidence.Orders.Count(o => o.Channel == c)}"));
        return Verdict("every channel completed checkouts (the load really ran)", missing, counts);
    }

    /// <summary>The buyer's tag: the local part of "tag@soak.example.test", or the last word of OrderFlow's "Soak tag".</summary>
    private static string? BuyerTag(string? buyer) =>
        buyer is null ? null
        : buyer.Contains('@', StringComparison.Ordinal) ? buyer[..buyer.IndexOf('@', StringComparison.Ordinal)]
        : buyer.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    private static InvariantResult Verdict(string name, List<string> violations, string passedDetail, int? count = null)
    {
        var total = count ?? violations.Count;
        return total == 0
            ? new InvariantResult(name, true, passedDetail)
            : new InvariantResult(name, false, $"{total} violation(s): {string.Join("; ", violations.Take(Shown))}");
    }
}
