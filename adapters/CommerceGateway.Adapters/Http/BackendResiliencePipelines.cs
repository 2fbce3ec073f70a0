using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CommerceGateway.Adapters;

/// <summary>
/// The resilience of one channel's calls, built from Microsoft.Extensions.Http.Resilience's strategy
/// options and run by its <see cref="ResilienceHandler"/>: total timeout -> retries (safe requests
/// only) -> circuit breaker -> per-attempt timeout. Requests not marked safe get a pipeline with no
/// retry strategy at all, so a POST is sent at most once whatever the backend answers.
/// </summary>
internal sealed class BackendResiliencePipelines
{
    /// <summary>When the call began (a <see cref="TimeProvider"/> timestamp), set by <see cref="BackendHttpHandler"/>.</summary>
    public static readonly ResiliencePropertyKey<long> StartedKey = new("CommerceGateway.Started");

    private readonly Channel _channel;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ResiliencePipeline<HttpResponseMessage> _safe;
    private readonly ResiliencePipeline<HttpResponseMessage> _unsafe;

    public BackendResiliencePipelines(Channel channel, ILogger logger, TimeProvider time)
    {
        _channel = channel;
        _logger = logger;
        _time = time;
        var options = channel.Resilience;

        // One breaker and attempt timeout behind both pipelines: every attempt, safe or not, counts toward the channel's circuit.
        var attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(CircuitBreaker(options))
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
        _unsafe = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddPipeline(attempt)
            .Build();
        _safe = options.MaxRetryAttempts == 0
            ? _unsafe
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
                .AddRetry(Retry(options))
                .AddPipeline(attempt)
                .Build();
    }

    public BackendCircuitState CircuitState => _circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open => BackendCircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => BackendCircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Isolated => BackendCircuitState.Isolated,
        _ => BackendCircuitState.Closed,
    };

    /// <summary>The pipeline for one request, chosen by its <see cref="BackendRequest.SafeToRetry"/> mark.</summary>
    public ResiliencePipeline<HttpResponseMessage> For(HttpRequestMessage request) => request.IsSafeToRetry() ? _safe : _unsafe;

    private HttpRetryStrategyOptions Retry(ChannelResilienceOptions options)
    {
        // The library's defaults stand: 408, 429, 5xx, transport errors and timeouts are transient,
        // the backoff is exponential with jitter, and Retry-After (delta or date) sets the wait.
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            OnRetry = args =>
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    var outcome = Describe(args.Outcome);
                    BackendHttpLog.Retrying(_logger, _channel.Name, args.Context.OperationKey ?? "request", args.AttemptNumber + 1, outcome, args.RetryDelay.TotalMilliseconds);
                }

                return default;
            },
        };
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = async args => await transient(args).ConfigureAwait(false) && WaitEndsInTime(args);
        return retry;
    }

    // A Retry-After that outlasts what is left of the total timeout is not waited for: the call
    // could only end in a timeout, so the backend's answer goes back to the adapter now.
    private bool WaitEndsInTime(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Result?.Headers.RetryAfter is not { } retryAfter)
        {
            return true;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.Zero);
        var elapsed = args.Context.Properties.TryGetValue(StartedKey, out var started) ? _time.GetElapsedTime(started) : TimeSpan.Zero;
        return wait < _channel.Resilience.TotalTimeout - elapsed;
    }

    private HttpCircuitBreakerStrategyOptions CircuitBreaker(ChannelResilienceOptions options) => new()
    {
        FailureRatio = options.CircuitBreakerFailureRatio,
        MinimumThroughput = options.CircuitBreakerMinimumThroughput,
        SamplingDuration = options.CircuitBreakerSamplingDuration,
        BreakDuration = options.CircuitBreakerBreakDuration,
        StateProvider = _circuit,
        // Narrower than the library's default, which also counts 408 and 429: a backend that
        // throttles this gateway is up, and an open circuit would turn its throttle into an outage.
        ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
            || args.Outcome.Result is { } response && (int)response.StatusCode >= 500),
        OnOpened = args =>
        {
            BackendHttpLog.CircuitOpened(_logger, _channel.Name, args.BreakDuration.TotalSeconds);
            return default;
        },
        OnClosed = _ =>
        {
            BackendHttpLog.CircuitClosed(_logger, _channel.Name);
            return default;
        },
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : outcome.Exception?.GetType().Name ?? "unknown";
}
