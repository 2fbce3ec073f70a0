using CommerceGateway.Adapters;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// Sends a loyalty order's stages to its program, for a cart (what a payment outcome calls for) or for
/// an order (a capture, refund or cancel, and the stages it still owes). Money already moved when these
/// run, so a stage the program refuses comes back as owed (see <see cref="LoyaltyDebts"/>), never as the buyer's error.
/// </summary>
internal sealed class LoyaltyStages(IChannelRegistry channels, LoyaltyDebts debts, IOptions<CheckoutOptions> options, TimeProvider time)
{
    private readonly CheckoutOptions _options = options.Value;

    /// <summary>
    /// Sends the stages a payment outcome calls for. What the program did not take is returned as owed:
    /// the caller puts it on the order, or logs it when the payment made no order.
    /// </summary>
    public async Task<(Cart Cart, StageRun Run)> AdvanceLoyaltyAsync(Cart cart, PaymentStatus payment, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { } loyalty)
        {
            return (cart, StageRun.None);
        }

        var stages = payment switch
        {
            PaymentStatus.Paid => [LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed],
            PaymentStatus.Authorized => [LoyaltyOrderStatus.Placed],
            PaymentStatus.Failed when loyalty.Status == LoyaltyOrderStatus.Placed => [LoyaltyOrderStatus.Voided],
            _ => Array.Empty<LoyaltyOrderStatus>(),
        };
        if (loyalty.Status is null && stages.Length > 0)
        {
            // Only a reward is sent to the program before payment, so a cart without one has no loyalty
            // order yet; the program takes an order only after its checkout, so open it first.
            stages = [LoyaltyOrderStatus.Checkout, .. stages];
        }

        var run = await SendStagesAsync(loyalty, stages, s => SendLoyaltyAsync(cart, s, cancellationToken), cancellationToken);
        return (cart with { Loyalty = loyalty with { Status = run.Status } }, run);
    }

    /// <summary>Sends the stages <paramref name="stages"/> after any the order still owes; what fails becomes owed.</summary>
    public async Task<OrderRecord> AdvanceOrderLoyaltyAsync(OrderRecord record, LoyaltyOrderStatus[] stages, CancellationToken cancellationToken)
    {
        if (record.Loyalty is not { } loyalty)
        {
            return record;
        }

        // Owed stages come first: the program takes stages in lifecycle order (completed before refunded).
        var owed = record.LoyaltyOwed;
        var run = await SendStagesAsync(loyalty, [.. owed?.Stages ?? [], .. stages], s => SubmitOrderLoyaltyAsync(record, loyalty, s, cancellationToken), cancellationToken);
        return debts.RecordOwed(record with { Loyalty = loyalty with { Status = run.Status } }, owed, run);
    }

    /// <summary>
    /// One attempt at the stages <paramref name="record"/> owes, the program's calls bounded by
    /// <see cref="CheckoutOptions.LoyaltyRetryReadTimeout"/> when <paramref name="bounded"/>; the record
    /// as it should now be stored. Nothing is sent once the gateway gave up.
    /// </summary>
    public async Task<OrderRecord> CatchUpLoyaltyAsync(OrderRecord record, bool bounded, CancellationToken cancellationToken)
    {
        if (record is not { LoyaltyOwed: { GaveUp: false } owed, Loyalty: { } loyalty })
        {
            return record;
        }

        using var timeout = bounded ? new CancellationTokenSource(_options.LoyaltyRetryReadTimeout, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var sendToken = linked?.Token ?? cancellationToken;
        var run = await SendStagesAsync(loyalty, owed.Stages, s => SubmitOrderLoyaltyAsync(record, loyalty, s, sendToken), cancellationToken);
        return debts.RecordOwed(record with { Loyalty = loyalty with { Status = run.Status } }, owed, run);
    }

    /// <summary>
    /// Sends <paramref name="stages"/> in order, skipping those the loyalty order is already past, and
    /// stops at the first failure: later stages depend on it. Money already moved, so a failure is not
    /// the buyer's error; it comes back as the stages still owed.
    /// </summary>
    public static async Task<StageRun> SendStagesAsync(LoyaltyAttachment loyalty, IEnumerable<LoyaltyOrderStatus> stages, Func<LoyaltyOrderStatus, Task<LoyaltyOrderResult>> send, CancellationToken cancellationToken)
    {
        var status = loyalty.Status;
        var pending = stages.Where(s => (status is null ? s >= LoyaltyOrderStatus.Checkout : s > status) || s == LoyaltyOrderStatus.Voided || s == LoyaltyOrderStatus.Refunded).Distinct().ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                status = (await send(pending[i])).Status;
            }
            catch (CommerceException e)
            {
                return new StageRun(status, pending[i..], e.Code);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Only the bound on a retry during a read ran out; the request itself goes on.
                return new StageRun(status, pending[i..], "TIMEOUT");
            }
        }

        return new StageRun(status, [], null);
    }

    public Task<LoyaltyOrderResult> SendLoyaltyAsync(Cart cart, LoyaltyOrderStatus status, CancellationToken cancellationToken)
    {
        var loyalty = cart.Loyalty!;
        var items = cart.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.UnitPrice)).ToList();
        var order = new LoyaltyOrder(loyalty.OrderId ?? cart.Id, loyalty.MemberId, loyalty.StoreCode, status, items, cart.Totals.Subtotal, loyalty.RewardId, loyalty.Discount);
        return channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(order, cancellationToken);
    }

    private Task<LoyaltyOrderResult> SubmitOrderLoyaltyAsync(OrderRecord record, LoyaltyAttachment loyalty, LoyaltyOrderStatus stage, CancellationToken cancellationToken)
    {
        var items = record.Order.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.Total with { Amount = l.Total.Amount / Math.Max(1, l.Quantity) })).ToList();
        var subtotal = record.Order.Lines.Count == 0 ? record.Order.Total : record.Order.Lines.Aggregate(Money.Zero(record.Order.Total.Currency), (sum, l) => sum + l.Total);
        return channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(
            new LoyaltyOrder(loyalty.OrderId ?? record.CartId, loyalty.MemberId, loyalty.StoreCode, stage, items, subtotal, loyalty.RewardId, loyalty.Discount), cancellationToken);
    }
}
