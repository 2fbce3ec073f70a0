using System.Diagnostics.Metrics;

namespace CommerceGateway.Identity.Diagnostics;

/// <summary>Counters of the token service: tokens issued per client and failed-authentication refusals.</summary>
internal sealed class IdentityMetrics
{
    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _throttled;

    public IdentityMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(IdentityMeter.Name);
        _tokensIssued = meter.CreateCounter<long>("commerce.identity.tokens_issued", unit: "{token}", description: "Access tokens issued, by client id.");
        _throttled = meter.CreateCounter<long>("commerce.identity.authentication_throttled", unit: "{request}", description: "Token requests refused by the failed-authentication limiter.");
    }

    // Only authenticated clients get here, so client ids are a bounded, registered set.
    public void TokenIssued(string clientId) => _tokensIssued.Add(1, new KeyValuePair<string, object?>("client_id", clientId));

    // No client id label: the id of a throttled caller is whatever it sent, an unbounded set.
    public void AuthenticationThrottled() => _throttled.Add(1);
}
