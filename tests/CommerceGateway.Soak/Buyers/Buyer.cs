using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <summary>
/// One simulated buyer: checkout after checkout on a channel picked at random until the load
/// stops. A call without an answer is retried only when repeating it is safe (payments with the
/// same idempotency key, idempotent updates); otherwise the cart is abandoned to its hold's TTL.
/// </summary>
public sealed partial class Buyer(int number, SoakClient client, SoakJournal journal, Random random)
{
    private const int Attempts = 8;
    private int _checkouts;

    /// <summary>
    /// Checkouts until <paramref name="stop"/> is cancelled; the checkout under way then finishes
    /// unless <paramref name="abort"/> is cancelled too. Never throws for a failed checkout.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"b{number}x{++_checkouts}x{random.Next(100_000, 999_999)}");
            try
            {
                var roll = random.Next(100);
                await (roll switch
                {
                    < 30 => BookingAsync(tag, abort),
                    < 55 => OrderFlowAsync(tag, abort),
                    < 80 => GuestManagerAsync(tag, abort),
                    _ => LoyaltyAsync(tag, abort),
                });
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }

            // A short think time, so buyers interleave instead of hammering in lockstep.
            await Task.Delay(random.Next(20, 120), CancellationToken.None);
        }
    }

    private static string Email(string tag) => tag + "@soak.example.test";

    private static string Key(string tag) => "soak-" + tag;

    private static string TagOf(string key) => key["soak-".Length..];

    /// <summary>A call that is safe to repeat (an update, a read): retried while the answer says so.</summary>
    private async Task<Answer> RetriedAsync(string field, string query, object variables, CancellationToken stop)
    {
        var answer = await client.CallAsync(field, query, variables, stop);
        for (var attempt = 2; attempt <= Attempts && answer.Retryable; attempt++)
        {
            await Task.Delay(Backoff(attempt), stop);
            answer = await client.CallAsync(field, query, variables, stop);
        }

        return answer;
    }

    /// <summary>A call that must not be repeated blindly (cartCreate, cartLinesAdd): one attempt.</summary>
    private Task<Answer> OnceAsync(string field, string query, object variables, CancellationToken stop) =>
        client.CallAsync(field, query, variables, stop);

    /// <summary>
    /// The payment, submitted and retried with one idempotency key across replicas until it is
    /// decided; the order it answered with is journaled per key.
    /// </summary>
    private async Task<JsonElement?> PayAsync(string query, object variables, string key, CancellationToken stop)
    {
        var started = journal.Now;
        var answer = await RetriedAsync("checkoutSubmitPayment", query, variables, stop);
        if (!answer.Ok)
        {
            Refused("checkoutSubmitPayment", answer, key);
            return null;
        }

        if (answer.Payload.TryGetProperty("paymentStatus", out var status) && status.GetString() == "FAILED")
        {
            journal.PaymentRefused(TagOf(key), "checkoutSubmitPayment FAILED");
        }

        if (answer.Payload.GetProperty("order") is { ValueKind: JsonValueKind.Object } order)
        {
            journal.PaymentAnswered(key, order.GetProperty("id").GetString()!, started);
        }

        return answer.Payload;
    }

    /// <summary>
    /// Journals a definite "no" (neither retryable nor of unknown outcome): from then on the
    /// backend must not hold money of this buyer.
    /// </summary>
    private void Refused(string operation, Answer answer, string key)
    {
        if (!answer.Retryable && !answer.OutcomeUnknown)
        {
            journal.PaymentRefused(TagOf(key), $"{operation} {answer.Code}");
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(attempt, 5))));

    private static string Id(Answer answer, string type) => answer.Payload.GetProperty(type).GetProperty("id").GetString()!;

    private void Confirm(string channel, JsonElement order, string tag, string key, IReadOnlyList<string> seats)
    {
        var total = order.GetProperty("total");
        journal.Confirmed(new ConfirmedOrder(
            channel,
            order.GetProperty("id").GetString()!,
            order.GetProperty("number").GetString() ?? "",
            decimal.Parse(total.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
            total.GetProperty("currencyCode").GetString()!,
            tag,
            key,
            seats));
    }
}
