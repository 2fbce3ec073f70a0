using Microsoft.Extensions.DependencyInjection;
using CommerceGateway.Adapters.Conformance;
using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>The shared adapter contract, against the Guest Manager sandbox over HTTP.</summary>
public sealed class GuestManagerConformanceTests : CommerceBackendConformanceTests, IClassFixture<SandboxServer>
{
    private readonly SandboxServer _sandbox;

    public GuestManagerConformanceTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        // Payments settle in a fifth of a second rather than the sandbox's default two, to keep the suite fast.
        sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>().ProcessingDelay = TimeSpan.FromMilliseconds(200);
    }

    protected override Uri BackendUrl => _sandbox.ProtocolUrl("guestmanager");

    protected override CurrencyCode Currency => CurrencyCode.Parse("USD");

    // A ticket type that collects attendee names, so the suite walks the tickets step.
    protected override CartLineInput PurchasableLine => new("101", 2);

    protected override void RegisterAdapter(ICommerceAdapterBuilder adapters) => adapters.AddGuestManagerAdapter();

    protected override ChannelOptions CreateChannelOptions()
    {
        var options = new ChannelOptions { Adapter = "guestmanager", Currency = "USD" };
        options.Credentials["ApiKey"] = GuestManagerSandboxSettings.DefaultApiKey;
        return options;
    }

    protected override PaymentInstruction ApprovedPayment(Money amount) => new(amount, "tok_visa", null, "stripe");

    protected override async Task<PaymentInstruction> DeclinedPaymentAsync(Money amount)
    {
        // The payment request is the first one the payment makes, so the decline applies to it alone.
        await _sandbox.SetFaultAsync("guestmanager", new FaultSpec { Decline = true, Times = 1 });
        return new PaymentInstruction(amount, "tok_visa", null, "stripe");
    }
}
