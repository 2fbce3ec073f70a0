using CommerceGateway.Adapters.Conformance;
using CommerceGateway.Adapters.OneBox.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.OneBox.Tests;

/// <summary>The shared adapter conformance suite, run against the booking sandbox over HTTP.</summary>
public sealed class BookingConformanceTests(SandboxServer sandbox) : CommerceBackendConformanceTests, IClassFixture<SandboxServer>
{
    private readonly SandboxFaultHandler _faults = new();

    protected override Uri BackendUrl => sandbox.ProtocolUrl("booking");

    protected override CurrencyCode Currency => CurrencyCode.Parse("EUR");

    // One best-available seat of the evening session each time, so every test gets a fresh seat.
    protected override CartLineInput PurchasableLine => new("1", 1, SessionId: "2001");

    protected override void RegisterAdapter(ICommerceAdapterBuilder adapters) =>
        adapters.AddBookingAdapter().ConfigurePrimaryHandler(_ => _faults);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddStateStore(new ConfigurationBuilder().Build());

    protected override ChannelOptions CreateChannelOptions()
    {
        var options = new ChannelOptions { Adapter = "booking" };
        options.Credentials["ClientId"] = "gateway";
        options.Credentials["ClientSecret"] = "gateway-secret";
        return options;
    }

    protected override PaymentInstruction ApprovedPayment(Money amount) =>
        new(amount, pspToken: null, pspTransactionId: "psp_tx_" + Guid.NewGuid().ToString("N"), pspName: "stripe");

    // The sandbox declines the next commitOrder only; the suite then pays again.
    protected override Task<PaymentInstruction> DeclinedPaymentAsync(Money amount)
    {
        _faults.FailNext("/order/commitOrder", "decline");
        return Task.FromResult(ApprovedPayment(amount));
    }
}
