using CommerceGateway.Testing;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>
/// The <c>processing</c> state with the sandbox on a fake clock: a payment stays processing until the
/// test moves the clock past the sandbox's processing delay (2 s), so every state is observed for sure.
/// </summary>
public sealed class GuestManagerProcessingTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private const int StillProcessingEvent = 6103;
    private static readonly TimeSpan ProcessingDelay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task GetPaymentStatus_WhileProcessing_PollsWithDoublingDelaysUntilTheOrderCompletes()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));
        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);
        Assert.Equal(PaymentStatus.Processing, submitted.Status);
        Assert.Equal(CheckoutStatus.Processing, submitted.Cart.Checkout.Status);
        Assert.Equal(CheckoutStepKind.Processing, submitted.Cart.Checkout.Current);
        Assert.DoesNotContain(submitted.Cart.Checkout.Steps, s => s.Kind == CheckoutStepKind.Processing);

        var polling = channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded);
        await WaitForAsync(() => channel.Logs.WithEvent(StillProcessingEvent).Count >= 3);
        sandbox.Clock.Advance(ProcessingDelay);
        var outcome = await polling;

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        var delays = channel.Logs.WithEvent(StillProcessingEvent).Select(e => Convert.ToDouble(e.Values["DelayMs"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([20d, 40d, 80d], delays.Take(3));
        Assert.All(delays.Skip(3), d => Assert.Equal(160d, d));
    }

    [Fact]
    public async Task GetPaymentStatus_StillProcessingAtTheEndOfThePollWindow_AnswersProcessingWithPollAfter()
    {
        using var channel = Create(sandbox, o => o.Settings["PaymentPollWindow"] = "00:00:00.100");
        var cart = await channel.AtPaymentAsync(("101", 1));
        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);

        var outcome = await channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded);

        Assert.Equal(PaymentStatus.Processing, outcome.Status);
        Assert.NotNull(outcome.PollAfter);
        sandbox.Clock.Advance(ProcessingDelay);
        Assert.Equal(PaymentStatus.Paid, (await channel.Backend.GetPaymentStatusAsync(outcome.Cart, Bounded)).Status);
    }

    [Fact]
    public async Task ChangingTheOrder_WhilePaymentProcesses_IsAConflictNamingOrderProcessing()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtPaymentAsync(("101", 2));
        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);

        var lines = await Assert.ThrowsAsync<BackendConflictException>(() =>
            channel.Backend.UpdateLinesAsync(submitted.Cart, [new CartLineUpdate(cart.Lines[0].Id, 1)], Bounded));
        var step = await Assert.ThrowsAsync<BackendConflictException>(() => channel.NameEveryoneAsync(submitted.Cart));

        Assert.Equal("order_processing", lines.BackendCode);
        Assert.Equal("order_processing", step.BackendCode);
        Assert.Equal(CommerceErrorCodes.Conflict, step.Code);
        Assert.Contains("still processing", step.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitPayment_AgainWhileProcessing_ReportsTheFirstPaymentInsteadOfChargingTwice()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));
        await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);

        var again = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);
        sandbox.Clock.Advance(ProcessingDelay);
        var done = await channel.Backend.GetPaymentStatusAsync(again.Cart, Bounded);

        Assert.Equal(PaymentStatus.Processing, again.Status);
        Assert.Equal(PaymentStatus.Paid, done.Status);
        Assert.Equal(done.Order!.Total, done.Order.AmountPaid);
    }

    [Fact]
    public async Task UpdateAttendees_AfterTheOrderCompleted_IsAConflictNamingOrderComplete()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));
        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);
        sandbox.Clock.Advance(ProcessingDelay);
        var done = await channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() => channel.NameEveryoneAsync(done.Cart));

        Assert.Equal("order_complete", error.BackendCode);
        Assert.Contains("already complete", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the condition did not come true within 5 s");
            await Task.Delay(10);
        }
    }
}
