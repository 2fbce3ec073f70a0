using CommerceGateway.Adapters.Conformance;
using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>The shared adapter conformance suite, run against the Livescale sandbox over HTTP.</summary>
public sealed class LivescaleConformanceTests(SandboxServer sandbox) : CommerceBackendConformanceTests, IClassFixture<SandboxServer>
{
    private readonly LivescaleTraffic _traffic = new();

    protected override Uri BackendUrl => sandbox.ProtocolUrl("livescale");

    protected override CurrencyCode Currency => CurrencyCode.Usd;

    protected override CartLineInput PurchasableLine => new("TEE-BLK-M", 1);

    protected override void RegisterAdapter(ICommerceAdapterBuilder adapters) =>
        adapters.AddLivescaleAdapter().ConfigurePrimaryHandler(_ => _traffic.CreateHandler());

    protected override ChannelOptions CreateChannelOptions()
    {
        var options = new ChannelOptions { Adapter = "livescale" };
        options.Credentials["ClientId"] = LivescaleTestBackend.UsClientId;
        options.Credentials["ClientSecret"] = LivescaleTestBackend.UsClientSecret;
        return options;
    }

    protected override PaymentInstruction ApprovedPayment(Money amount) =>
        new(amount, pspToken: null, pspTransactionId: "psp_tx_" + Guid.NewGuid().ToString("N"), pspName: "stripe");

    // The merchant refuses the next authorization report only; the suite then pays again.
    protected override Task<PaymentInstruction> DeclinedPaymentAsync(Money amount)
    {
        _traffic.InjectFault((method, path) => method == HttpMethod.Put && path.StartsWith("orders/", StringComparison.Ordinal), "decline");
        return Task.FromResult(ApprovedPayment(amount));
    }
}
