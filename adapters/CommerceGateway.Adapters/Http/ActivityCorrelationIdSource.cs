using System.Diagnostics;

namespace CommerceGateway.Adapters;

/// <summary>The trace id of the current activity, for hosts without correlation ids of their own.</summary>
internal sealed class ActivityCorrelationIdSource : ICorrelationIdSource
{
    public string? CurrentCorrelationId => Activity.Current?.TraceId.ToHexString();
}
