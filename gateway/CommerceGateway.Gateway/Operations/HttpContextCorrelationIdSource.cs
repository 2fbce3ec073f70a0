using CommerceGateway.Adapters;

namespace CommerceGateway.Gateway.Operations;

/// <summary>
/// Gives backend requests the correlation id of the gateway request they serve (the caller's
/// <c>X-Correlation-Id</c> or the one the gateway made), so the id a caller sees is the id in the
/// backends' logs. The correlation middleware stores it as the request's trace identifier.
/// </summary>
internal sealed class HttpContextCorrelationIdSource(IHttpContextAccessor accessor) : ICorrelationIdSource
{
    public string? CurrentCorrelationId => accessor.HttpContext?.TraceIdentifier;
}
