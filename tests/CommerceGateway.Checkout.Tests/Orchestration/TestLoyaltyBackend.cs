using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>The loyalty adapter over <see cref="TestLoyaltyProgram"/>: an outage (or an injected failure) is a fault, as a real adapter reports it.</summary>
public sealed class TestLoyaltyBackend(Channel channel, TestLoyaltyProgram program) : LoyaltyBackend(channel)
{
    public override Task<LoyaltyBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken) =>
        Call(() => program.Balance(Channel.Name, memberId));

    public override Task<IReadOnlyList<LoyaltyReward>> GetRewardsAsync(string memberId, string storeCode, CancellationToken cancellationToken) =>
        Call(() => program.AvailableRewards(Channel.Name, memberId));

    public override async Task<LoyaltyOrderResult> SubmitOrderAsync(LoyaltyOrder order, CancellationToken cancellationToken)
    {
        if (program.Latency > TimeSpan.Zero)
        {
            await Task.Delay(program.Latency, cancellationToken);
        }

        return program.TakeFailure(order.Status)
            ? throw new BackendUnavailableException(Channel.Name, $"The {Channel.Name} loyalty program answered 503 to {order.Status}.", 503)
            : await Call(() => program.Submit(Channel.Name, order));
    }

    private Task<T> Call<T>(Func<T> call) =>
        program.IsDown
            ? Task.FromException<T>(new BackendUnavailableException(Channel.Name, $"The {Channel.Name} loyalty program answered 503.", 503))
            : Task.FromResult(call());
}
