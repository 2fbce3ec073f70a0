using CommerceGateway.Adapters.Conformance;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>
/// The shared adapter contract, run against the ExampleShop sandbox over real HTTP. This one class
/// is all a new adapter needs to run the whole conformance suite: say how to register the adapter,
/// how its channel is configured, what to buy and how to pay.
/// </summary>
public sealed class ExampleConformanceTests(SandboxServer sandbox) : CommerceBackendConformanceTests, IClassFixture<SandboxServer>
{
    protected override Uri BackendUrl => sandbox.ProtocolUrl("example");

    protected override CurrencyCode Currency => CurrencyCode.Parse("EUR");

    protected override CartLineInput PurchasableLine => new("TEE-M", 2);

    protected override void RegisterAdapter(ICommerceAdapterBuilder adapters) => adapters.AddExampleAdapter();

    protected override ChannelOptions CreateChannelOptions() => ExampleTestChannel.Options();

    protected override PaymentInstruction ApprovedPayment(Money amount) => new(amount, "tok_visa", null, "stripe");

    // The sandbox shop's PSP declines this token on every payment that uses it; the suite pays again with tok_visa.
    protected override Task<PaymentInstruction> DeclinedPaymentAsync(Money amount) =>
        Task.FromResult(new PaymentInstruction(amount, "tok_declined", null, "stripe"));
}
