using CommerceGateway.Testing;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>Each documented error type becomes a typed error that keeps the backend's type and says what to do.</summary>
public sealed class GuestManagerErrorMappingTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task BeginCheckout_EmptyOrder_IsRejectedAsCheckoutNotAllowed()
    {
        using var channel = Create(sandbox);
        var cart = await channel.CartAsync(Guest);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.BeginCheckoutAsync(cart, Bounded));

        Assert.Equal(CommerceErrorCodes.Rejected, error.Code);
        Assert.Equal("checkout_not_allowed", error.BackendCode);
        Assert.Contains("does not allow this order to check out", error.Message, StringComparison.Ordinal);
        Assert.Contains("no line items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateFormAnswers_CheckoutStillAtTickets_IsAnInvalidStepNamingTheCurrentStep()
    {
        using var channel = Create(sandbox);
        var cart = await channel.Backend.BeginCheckoutAsync(await channel.CartAsync(Guest, ("102", 1)), Bounded);
        Assert.Equal(CheckoutStepKind.Tickets, cart.Checkout.Current);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.UpdateFormAnswersAsync(cart, [new FormAnswer("1", "2", "792")], Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Equal("invalid_state", error.BackendCode);
        Assert.Contains("'tickets' step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAddresses_UnknownCountryAndMissingState_IsInvalidInputListingEachAttribute()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtAddressAsync(("101", 1));

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.UpdateAddressesAsync(cart, null, UsAddress with { CountryCode = "ZZ", City = "" }, Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("validation_error", error.BackendCode);
        Assert.Equal("bill_address.city", error.Field);
        Assert.Contains("bill_address.city can't be blank", error.Message, StringComparison.Ordinal);
        Assert.Contains("bill_address.country is not a known country id or ISO code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAttendees_NamedTicketWithoutName_IsInvalidInputOnThatTicket()
    {
        using var channel = Create(sandbox);
        var cart = await channel.Backend.BeginCheckoutAsync(await channel.CartAsync(Guest, ("102", 2)), Bounded);
        var attendees = cart.Lines[0].Attendees;

        // Only one ticket may be kept by the buyer; both unnamed means both kept.
        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.UpdateAttendeesAsync(cart, [attendees[0] with { Name = null }, attendees[1] with { Name = null }], Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("tickets.keep", error.Field);
    }

    [Theory]
    [InlineData("701", CommerceErrorCodes.OffSale, "off_sale")]
    [InlineData("999", CommerceErrorCodes.InvalidInput, "validation_error")]
    public async Task AddLines_VariantThatCannotBeBought_IsRefusedWithItsCode(string variant, string code, string backendCode)
    {
        using var channel = Create(sandbox);
        var cart = await channel.CartAsync(Guest);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.AddLinesAsync(cart, [new CartLineInput(variant, 1)], Bounded));

        Assert.Equal(code, error.Code);
        Assert.Equal(backendCode, error.BackendCode);
    }

    [Fact]
    public async Task AnyCall_WrongApiKey_IsUnavailableNamingTheCredential()
    {
        using var channel = Create(sandbox, o => o.Credentials["ApiKey"] = "wrong");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.CartAsync(Guest));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Credentials:ApiKey", error.Message, StringComparison.Ordinal);
    }
}
