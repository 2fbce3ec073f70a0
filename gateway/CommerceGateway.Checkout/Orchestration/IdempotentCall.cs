using System.Security.Cryptography;
using System.Text;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Checkout;

/// <summary>
/// Runs a money-moving call at most once per (client, scope, key): a repeat replays the stored
/// receipt, a different request under the same key is refused. When the outcome is unknown (the
/// backend timed out) the claim is kept until it lapses, so a quick retry cannot pay twice.
/// </summary>
internal sealed class IdempotentCall(IIdempotencyStore store, CheckoutOptions options)
{
    public const int MaxKeyLength = 255;

    public static UserError? ValidateKey(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength
            ? new UserError(CommerceErrorCodes.InvalidInput, $"An idempotency key of 1 to {MaxKeyLength} characters is required.", "idempotencyKey")
            : null;

    /// <summary>A fingerprint of the request; PSP references are hashed, never stored.</summary>
    public static string Fingerprint(params string?[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "\u2400")))));

    public async Task<CheckoutResult<T>> RunAsync<T>(
        string scope,
        ClientContext client,
        string key,
        string fingerprint,
        Func<CancellationToken, Task<(CheckoutResult<T> Result, string? Receipt)>> run,
        Func<string, CancellationToken, Task<CheckoutResult<T>>> replay,
        CancellationToken cancellationToken)
    {
        var storeKey = $"{scope}:{client.ClientId}:{key}";
        var begin = await store.BeginAsync(storeKey, fingerprint, options.PaymentClaimLifetime, cancellationToken);
        switch (begin.Status)
        {
            case IdempotencyStatus.Mismatch:
                return CheckoutResult.Fail<T>(CheckoutErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for a different request; use a new key.", "idempotencyKey");
            case IdempotencyStatus.InProgress:
                return CheckoutResult.Fail<T>(CommerceErrorCodes.Conflict, "A request with this idempotency key is still in progress; query its outcome instead of retrying.", "idempotencyKey");
            case IdempotencyStatus.Completed:
                return await replay(begin.Result!, cancellationToken);
        }

        try
        {
            var (result, receipt) = await run(cancellationToken);
            if (receipt is not null)
            {
                await store.CompleteAsync(storeKey, fingerprint, receipt, options.IdempotencyLifetime, cancellationToken);
            }
            else
            {
                await store.AbandonAsync(storeKey, fingerprint, CancellationToken.None);
            }

            return result;
        }
        catch (Exception e) when (e is not BackendTimeoutException)
        {
            await store.AbandonAsync(storeKey, fingerprint, CancellationToken.None);
            throw;
        }
    }
}
