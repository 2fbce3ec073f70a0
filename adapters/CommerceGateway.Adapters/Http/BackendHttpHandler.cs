using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CommerceGateway.Adapters;

/// <summary>
/// The outgoing pipeline of one channel: total timeout, retries with jittered backoff for requests
/// that are safe to repeat, a circuit breaker, and a per-attempt timeout. Transport failures,
/// timeouts and an open circuit surface as <see cref="BackendUnavailableException"/> or
/// <see cref="BackendTimeoutException"/>; every HTTP answer, including 4xx and 5xx, is returned to
/// the adapter, which knows what its backend's errors mean.
/// </summary>
internal sealed class BackendHttpHandler : DelegatingHandler
{
    public const string CorrelationHeader = "X-Correlation-Id";

    private static readonly ResiliencePropertyKey<bool> SafeKey = new("CommerceGateway.SafeToRetry");

    // Set once any attempt of the call may have reached the backend; from then on the call as a whole
    // may have taken effect, whatever a later attempt's failure says.
    private static readonly ResiliencePropertyKey<bool> ReachedKey = new("CommerceGateway.MayHaveReached");

    private readonly Channel _channel;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly AdapterMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ICorrelationIdSource _correlation;

    public BackendHttpHandler(Channel channel, AdapterMetrics metrics, ILogger logger, TimeProvider time, ICorrelationIdSource correlation)
    {
        _correlation = correlation;
        _channel = channel;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _pipeline = BuildPipeline(channel.Resilience);
    }

    public BackendCircuitState CircuitState => _circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open => BackendCircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => BackendCircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Isolated => BackendCircuitState.Isolated,
        _ => BackendCircuitState.Closed,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var correlationId = _correlation.CurrentCorrelationId;
        if (correlationId is not null && !request.Headers.Contains(CorrelationHeader))
        {
            request.Headers.TryAddWithoutValidation(CorrelationHeader, correlationId);
        }

        request.Headers.Accept.TryParseAdd("application/json");
        var operation = request.OperationOf();
        var path = request.RequestUri?.AbsolutePath ?? "/";
        var started = _time.GetTimestamp();

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SafeKey, request.IsSafeToRetry());
        context.Properties.Set(ReachedKey, false);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, ctx)),
                context,
                (Handler: this, Request: request));

            var elapsed = _time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            _metrics.Record(_channel.Name, operation, status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success", elapsed);
            BackendHttpLog.Completed(_logger, _channel.Name, operation, request.Method.Method, path, status, elapsed.TotalMilliseconds, correlationId);
            return response;
        }
        catch (Exception e) when (Classify(e, !context.Properties.GetValue(ReachedKey, false), cancellationToken) is { } failure)
        {
            var elapsed = _time.GetElapsedTime(started);
            _metrics.Record(_channel.Name, operation, failure.Outcome, elapsed);
            BackendHttpLog.Failed(_logger, _channel.Name, operation, request.Method.Method, path, failure.Outcome, elapsed.TotalMilliseconds, correlationId);
            throw failure.Error;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, ResilienceContext context)
    {
        try
        {
            var response = await base.SendAsync(request, context.CancellationToken);
            context.Properties.Set(ReachedKey, true);
            return response;
        }
        catch (Exception e) when (!NeverSent(e))
        {
            context.Properties.Set(ReachedKey, true);
            throw;
        }
    }

    /// <summary>
    /// Whether a failed attempt provably never reached the backend: no connection could be opened, so no
    /// byte of the request was written. A failure on an open connection (reset, broken response, TLS or
    /// protocol error), a timeout or a cancellation may come after the backend read the request.
    /// </summary>
    internal static bool NeverSent(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.Unknown, InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound } } => true,
        _ => false,
    };

    private (string Outcome, Exception Error)? Classify(Exception e, bool noAttemptReached, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException timeout => ("timeout", new BackendTimeoutException(_channel.Name, timeout.Timeout, timeout)),

        // The breaker refuses without calling the backend; only an earlier attempt of this call may have reached it.
        BrokenCircuitException broken => ("circuit_open", new BackendUnavailableException(_channel.Name, $"The {_channel.Name} backend is failing; calls are paused while its circuit is open.", innerException: broken, requestNotSent: noAttemptReached)),
        HttpRequestException http => ("unavailable", new BackendUnavailableException(_channel.Name, $"The {_channel.Name} backend could not be reached: {http.HttpRequestError}.", innerException: http, requestNotSent: noAttemptReached && NeverSent(http))),
        OperationCanceledException canceled => ("timeout", new BackendTimeoutException(_channel.Name, _channel.Resilience.AttemptTimeout, canceled)),
        _ => null,
    };

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(ChannelResilienceOptions options)
    {
        static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
            outcome.Exception is HttpRequestException or TimeoutRejectedException
            || outcome.Result is { } response && ((int)response.StatusCode >= 500 || (int)response.StatusCode == 408 || (int)response.StatusCode == 429);

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0
                    && args.Context.Properties.GetValue(SafeKey, false)
                    && IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitBreakerMinimumThroughput),
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                StateProvider = _circuit,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                    || args.Outcome.Result is { } response && (int)response.StatusCode >= 500),
                OnOpened = args =>
                {
                    BackendHttpLog.CircuitOpened(_logger, _channel.Name, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    BackendHttpLog.CircuitClosed(_logger, _channel.Name);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    // A 429 or 503 with Retry-After says when to come back; otherwise the backoff decides.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter is RetryConditionHeaderValue { Delta: { } delta } && delta <= TimeSpan.FromSeconds(5)
            ? delta
            : null;
}
