using System.Text.Json;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A payment the backend took whose idempotency record could not be completed (the store failed right after
/// the money moved, as in a Redis failover): the caller was told the store was unavailable, so it retries the
/// same request, and that retry is answered with the payment it made, never refused as if nothing was paid.
/// </summary>
public sealed class LostIdempotencyRecordTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task SubmitPayment_RecordLostAfterTheCharge_SameRequestRetriedIsAnsweredWithThePaymentItMade()
    {
        var failing = new FailingFirstCompletion();
        using var host = new CommerceGatewayHost(sandbox, services: services => failing.Wrap(services));
        using var api = await host.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api)).GetProperty("id").GetString()!;
        var key = OrderFlowCheckoutTests.NewKey();

        var lost = await api.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var retried = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", key);
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);

        Assert.Contains("STATE_STORE_UNAVAILABLE", lost.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, retried.GetProperty("userErrors").GetArrayLength());
        Assert.Equal(cart.GetProperty("checkout").GetProperty("status").GetString(), retried.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
        Assert.NotEqual("FAILED", retried.GetProperty("paymentStatus").GetString());
        Assert.Equal(JsonValueKind.Object, retried.GetProperty("order").ValueKind);
    }

    /// <summary>The gateway's idempotency store, whose first completion fails as an unreachable store would.</summary>
    private sealed class FailingFirstCompletion
    {
        private int _completions;

        public void Wrap(IServiceCollection services)
        {
            var inner = services.Last(d => d.ServiceType == typeof(IIdempotencyStore));
            services.AddSingleton<IIdempotencyStore>(sp => new Store(this, (IIdempotencyStore)(inner.ImplementationInstance
                ?? inner.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
        }

        private sealed class Store(FailingFirstCompletion owner, IIdempotencyStore inner) : IIdempotencyStore
        {
            public Task<IdempotencyBeginResult> BeginAsync(string key, string fingerprint, TimeSpan ttl, CancellationToken ct = default) =>
                inner.BeginAsync(key, fingerprint, ttl, ct);

            public Task CompleteAsync(string key, string fingerprint, string result, TimeSpan ttl, CancellationToken ct = default) =>
                Interlocked.Increment(ref owner._completions) == 1
                    ? throw new StateStoreUnavailableException("idempotency complete failed (test)")
                    : inner.CompleteAsync(key, fingerprint, result, ttl, ct);

            public Task AbandonAsync(string key, string fingerprint, CancellationToken ct = default) => inner.AbandonAsync(key, fingerprint, ct);
        }
    }
}
