using CommerceGateway.Adapters.Conformance;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>The shared adapter contract, run once against the OrderFlow sandbox over HTTP.</summary>
public sealed class OrderFlowConformanceTests(SandboxServer sandbox) : CommerceBackendConformanceTests, IClassFixture<SandboxServer>
{
    protected override Uri BackendUrl => sandbox.ProtocolUrl("orderflow");

    protected override CurrencyCode Currency => CurrencyCode.Usd;

    protected override CartLineInput PurchasableLine => new("1234", 2);

    protected override void RegisterAdapter(ICommerceAdapterBuilder adapters) => adapters.AddOrderFlowAdapter();

    protected override ChannelOptions CreateChannelOptions() => OrderFlowTestBackend.Options();

    protected override PaymentInstruction ApprovedPayment(Money amount) => new(amount, "tok_visa", null, "stripe");

    // The sandbox's billing partner declines Stripe's test token "tok_chargeDeclined", for this payment only.
    protected override Task<PaymentInstruction> DeclinedPaymentAsync(Money amount) =>
        Task.FromResult(new PaymentInstruction(amount, "tok_chargeDeclined", null, "stripe"));
}
