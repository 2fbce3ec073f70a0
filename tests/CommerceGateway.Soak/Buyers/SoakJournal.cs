using System.Collections.Concurrent;
using System.Diagnostics;

namespace CommerceGateway.Soak.Buyers;

/// <summary>
/// What the buyers saw, shared by all of them: every call's latency, every error, every order the
/// gateway confirmed and which order each idempotency key answered with. Thread-safe.
/// </summary>
public sealed class SoakJournal
{
    private const int UntypedSamples = 20;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CallerError> _untyped = new();
    private readonly ConcurrentQueue<ConfirmedOrder> _orders = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _ordersByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(TimeSpan Started, TimeSpan Ended)> _payments = new();
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.Ordinal);
    private int _untypedCount;

    /// <summary>Time since the journal was opened (the start of the load).</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Milliseconds of every call, by operation.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Latencies =>
        _latencies.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)[.. p.Value], StringComparer.Ordinal);

    /// <summary>How many times each error code was seen.</summary>
    public IReadOnlyDictionary<string, int> ErrorsByCode => _errors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>How many errors were not typed ones of ours.</summary>
    public int UntypedCount => Volatile.Read(ref _untypedCount);

    /// <summary>The first untyped errors, as the caller saw them.</summary>
    public IReadOnlyList<CallerError> UntypedExamples => [.. _untyped];

    /// <summary>Every order the gateway confirmed.</summary>
    public IReadOnlyList<ConfirmedOrder> Orders => [.. _orders];

    /// <summary>The distinct order ids each idempotency key was answered with.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> OrdersByKey =>
        _ordersByKey.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)[.. p.Value.Keys], StringComparer.Ordinal);

    /// <summary>When each successful payment call started and ended.</summary>
    public IReadOnlyList<(TimeSpan Started, TimeSpan Ended)> Payments => [.. _payments];

    public void Latency(string operation, double milliseconds) =>
        _latencies.GetOrAdd(operation, static _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);

    public void Error(CallerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.AddOrUpdate(error.Code, 1, static (_, n) => n + 1);
        if (!error.Typed && Interlocked.Increment(ref _untypedCount) <= UntypedSamples)
        {
            _untyped.Enqueue(error);
        }
    }

    /// <summary>Records that <paramref name="key"/> was answered with <paramref name="orderId"/>.</summary>
    public void PaymentAnswered(string key, string orderId, TimeSpan started)
    {
        _ordersByKey.GetOrAdd(key, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(orderId, 0);
        _payments.Enqueue((started, Now));
    }

    public void Confirmed(ConfirmedOrder order) => _orders.Enqueue(order);

    /// <summary>Records that buyer <paramref name="tag"/> was told, finally, that its payment failed (<paramref name="reason"/>).</summary>
    public void PaymentRefused(string tag, string reason) => _refused[tag] = reason;

    /// <summary>Buyers whose last payment answer was a definite failure, with the operation and code they saw.</summary>
    public IReadOnlyDictionary<string, string> RefusedPayments => _refused.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
