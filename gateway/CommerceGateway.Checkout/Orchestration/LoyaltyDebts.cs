using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// What an order or a cart owes its loyalty program after a run of stages: the stages left, when they
/// are retried (exponential backoff) and when the gateway gives up, each outcome logged.
/// </summary>
internal sealed class LoyaltyDebts(IOptions<CheckoutOptions> options, TimeProvider time, ILogger<LoyaltyDebts> logger)
{
    private readonly CheckoutOptions _options = options.Value;

    /// <summary>The record after a run of stages: what it owes from now on (see <see cref="NextOwed"/>).</summary>
    public OrderRecord RecordOwed(OrderRecord record, LoyaltyStagesOwed? before, StageRun run) =>
        record with { LoyaltyOwed = NextOwed(LoyaltyDebtor.Order, record.Id, record.Loyalty?.Program ?? string.Empty, before, run) };

    /// <summary>
    /// What a debtor owes after a run of stages: nothing when all were taken, else what is left with the
    /// next retry after an exponential backoff, or given up once retries have gone on long enough. Logs
    /// each outcome, naming the order or the cart.
    /// </summary>
    public LoyaltyStagesOwed? NextOwed(LoyaltyDebtor debtor, string id, string program, LoyaltyStagesOwed? before, StageRun run)
    {
        if (run.Owed.Count == 0)
        {
            if (before is not null)
            {
                var stages = string.Join(",", before.Stages);
                if (debtor == LoyaltyDebtor.Cart)
                {
                    CheckoutLog.LoyaltyCartStagesCaughtUp(logger, stages, id, program, before.Attempts);
                }
                else
                {
                    CheckoutLog.LoyaltyStagesCaughtUp(logger, stages, id, program, before.Attempts);
                }
            }

            return null;
        }

        var now = time.GetUtcNow();
        // A new failure after the gateway gave up (an explicit refund, say) starts a new series of retries.
        var continuing = before is { GaveUp: false };
        var since = continuing ? before!.Since : now;
        var attempts = (continuing ? before!.Attempts : 0) + 1;
        var code = run.Code ?? "UNKNOWN";
        var owed = string.Join(",", run.Owed);
        if (now - since >= _options.LoyaltyRetryGiveUpAfter)
        {
            if (debtor == LoyaltyDebtor.Cart)
            {
                CheckoutLog.LoyaltyCartRetryGaveUp(logger, owed, id, program, attempts, since, code);
            }
            else
            {
                CheckoutLog.LoyaltyRetryGaveUp(logger, owed, id, program, attempts, since, code);
            }

            return new LoyaltyStagesOwed(run.Owed, since, attempts, now, code, GaveUp: true);
        }

        var next = now + Backoff(attempts);
        if (debtor == LoyaltyDebtor.Cart)
        {
            CheckoutLog.LoyaltyCartStageOwed(logger, run.Owed[0].ToString(), id, program, code, owed, next);
        }
        else
        {
            CheckoutLog.LoyaltyStageFailed(logger, run.Owed[0].ToString(), id, program, code, owed, next);
        }

        return new LoyaltyStagesOwed(run.Owed, since, attempts, next, code);
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: the backoff doubled each time, capped.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Min(attempts - 1, 30);
        var wait = _options.LoyaltyRetryBackoff * Math.Pow(2, doublings);
        return wait < _options.LoyaltyRetryMaxBackoff ? wait : _options.LoyaltyRetryMaxBackoff;
    }
}
