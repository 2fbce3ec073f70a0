using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CommerceGateway.Adapters;

/// <summary>
/// The outermost handler of a channel's client: adds the correlation id, records metrics and logs
/// per call, and turns what the resilience pipeline (<see cref="BackendResiliencePipelines"/>,
/// run by the handler inside this one) throws into the SDK's errors: transport failures and an
/// open circuit become <see cref="BackendUnavailableException"/>, timeouts
/// <see cref="BackendTimeoutException"/>. Every HTTP answer, including 4xx and 5xx, is returned to
/// the adapter, which knows what its backend's errors mean.
/// </summary>
internal sealed class BackendHttpHandler(Channel channel, AdapterMetrics metrics, ILogger logger, TimeProvider time, ICorrelationIdSource correlation)
    : DelegatingHandler
{
    public const string CorrelationHeader = "X-Correlation-Id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var correlationId = correlation.CurrentCorrelationId;
        if (correlationId is not null && !request.Headers.Contains(CorrelationHeader))
        {
            request.Headers.TryAddWithoutValidation(CorrelationHeader, correlationId);
        }

        request.Headers.Accept.TryParseAdd("application/json");
        var operation = request.OperationOf();
        var path = request.RequestUri?.AbsolutePath ?? "/";
        var started = time.GetTimestamp();

        // The resilience handler takes a context given on the request; this one tells the
        // pipeline the operation (for its logs) and when the call began (for Retry-After).
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(BackendResiliencePipelines.StartedKey, started);
        request.SetResilienceContext(context);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            metrics.Record(channel.Name, operation, status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success", elapsed);
            BackendHttpLog.Completed(logger, channel.Name, operation, request.Method.Method, path, status, elapsed.TotalMilliseconds, correlationId);
            return response;
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } failure)
        {
            var elapsed = time.GetElapsedTime(started);
            metrics.Record(channel.Name, operation, failure.Outcome, elapsed);
            BackendHttpLog.Failed(logger, channel.Name, operation, request.Method.Method, path, failure.Outcome, elapsed.TotalMilliseconds, correlationId);
            throw failure.Error;
        }
        finally
        {
            request.SetResilienceContext(null);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private (string Outcome, Exception Error)? Classify(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException timeout => ("timeout", new BackendTimeoutException(channel.Name, timeout.Timeout, timeout)),
        BrokenCircuitException broken => ("circuit_open", new BackendUnavailableException(channel.Name, $"The {channel.Name} backend is failing; calls are paused while its circuit is open.", innerException: broken)),
        HttpRequestException http => ("unavailable", new BackendUnavailableException(channel.Name, $"The {channel.Name} backend could not be reached: {http.HttpRequestError}.", innerException: http)),
        // SocketsHttpHandler's connect timeout: not the caller's cancellation, so a timeout of the attempt.
        OperationCanceledException canceled => ("timeout", new BackendTimeoutException(channel.Name, channel.Resilience.AttemptTimeout, canceled)),
        _ => null,
    };
}
