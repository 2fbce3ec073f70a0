using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// Retries the loyalty stages orders still owe, on every replica: a pass at start and then every
/// <see cref="CheckoutOptions.LoyaltyRetryInterval"/> on the registered <see cref="TimeProvider"/>.
/// Each order keeps its own exponential backoff (stored on the order, so replicas agree), and the
/// order's lock keeps two replicas from sending the same stage at once.
/// </summary>
internal sealed class LoyaltyFollowUpService(LoyaltyFollowUp followUp, IOptions<CheckoutOptions> options, TimeProvider time, ILogger<LoyaltyFollowUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await followUp.RetryDueLoyaltyAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The state store being down must not end the follow-up; the next pass tries again.
                CheckoutLog.LoyaltyFollowUpPassFailed(logger, e.GetType().Name, e);
            }

            try
            {
                await Task.Delay(options.Value.LoyaltyRetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
