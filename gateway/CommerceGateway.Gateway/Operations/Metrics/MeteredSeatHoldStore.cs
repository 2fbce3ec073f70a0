using CommerceGateway.Adapters.State;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>Counts seat-hold acquisitions (acquired or refused) and releases around the real store.</summary>
internal sealed class MeteredSeatHoldStore(ISeatHoldStore inner, GatewayMetrics metrics) : ISeatHoldStore
{
    public async Task<SeatHoldResult> AcquireAsync(string holder, IReadOnlyCollection<string> seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var result = await inner.AcquireAsync(holder, seatIds, ttl, cancellationToken).ConfigureAwait(false);
        metrics.SeatHold(result.Acquired ? "acquired" : "refused");
        return result;
    }

    public Task<IReadOnlyList<SeatHold>> ExtendAsync(string holder, IReadOnlyCollection<string>? seatIds, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        inner.ExtendAsync(holder, seatIds, ttl, cancellationToken);

    public async Task ReleaseAsync(string holder, IReadOnlyCollection<string>? seatIds, CancellationToken cancellationToken = default)
    {
        await inner.ReleaseAsync(holder, seatIds, cancellationToken).ConfigureAwait(false);
        metrics.SeatHold("released");
    }

    public Task<IReadOnlyList<SeatHold>> GetHoldsAsync(string holder, CancellationToken cancellationToken = default) =>
        inner.GetHoldsAsync(holder, cancellationToken);

    public Task<SeatHold?> GetSeatAsync(string seatId, CancellationToken cancellationToken = default) =>
        inner.GetSeatAsync(seatId, cancellationToken);
}
