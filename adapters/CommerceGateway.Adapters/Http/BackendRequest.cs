namespace CommerceGateway.Adapters;

/// <summary>
/// Marks on an outgoing backend request that steer the channel's pipeline. Only requests marked
/// safe are retried: GET and HEAD are safe by default, and a POST that moves money or inventory
/// must never be marked.
/// </summary>
public static class BackendRequest
{
    private static readonly HttpRequestOptionsKey<bool> SafeKey = new("CommerceGateway.SafeToRetry");
    private static readonly HttpRequestOptionsKey<string> OperationKey = new("CommerceGateway.Operation");

    /// <summary>Marks the request as safe to repeat (the protocol makes it idempotent).</summary>
    public static HttpRequestMessage SafeToRetry(this HttpRequestMessage request, bool safe = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(SafeKey, safe);
        return request;
    }

    /// <summary>Names the unified operation the request belongs to, for logs and metrics.</summary>
    public static HttpRequestMessage ForOperation(this HttpRequestMessage request, string operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(OperationKey, operation);
        return request;
    }

    /// <summary>True when the request may be sent again after a failure.</summary>
    public static bool IsSafeToRetry(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(SafeKey, out var safe)
            ? safe
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
    }

    /// <summary>The operation name given with <see cref="ForOperation"/>, or the HTTP method.</summary>
    public static string OperationOf(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(OperationKey, out var operation) ? operation : request.Method.Method;
    }
}
