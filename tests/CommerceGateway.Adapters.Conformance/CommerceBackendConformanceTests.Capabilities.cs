using Xunit;

namespace CommerceGateway.Adapters.Conformance;

/// <content>Operations outside the channel's capabilities.</content>
public abstract partial class CommerceBackendConformanceTests
{
    /// <summary>Every operation of a capability the channel does not declare raises NotSupported naming it.</summary>
    [Fact]
    public async Task UndeclaredCapabilities_EveryOperation_RaisesNotSupportedNamingTheCapability()
    {
        var backend = CreateBackend();
        var cart = new Cart { Id = NewCartId(), Channel = ChannelName, Currency = Currency, Totals = CartTotals.Zero(Currency) };
        var zero = Money.Zero(Currency);
        var order = new Order { Id = "o", Channel = ChannelName, Status = OrderStatus.Placed, PaymentStatus = PaymentStatus.Paid, Total = zero, AmountPaid = zero, AmountRefunded = zero };
        var booking = new Booking { Id = "b", Channel = ChannelName, Status = BookingStatus.Held, Total = zero, AmountPaid = zero };
        var payment = ApprovedPayment(zero);
        var ct = Bounded;

        var operations = new (ChannelCapabilities Capability, Func<Task> Call)[]
        {
            (ChannelCapabilities.ProductCatalog, () => backend.GetProductsAsync(new CatalogQuery(), ct)),
            (ChannelCapabilities.EventCatalog, () => backend.GetEventsAsync(new CatalogQuery(), ct)),
            (ChannelCapabilities.SeatSelection, () => backend.GetSeatMapAsync("s", ct)),
            (ChannelCapabilities.Shipping, () => backend.UpdateAddressesAsync(cart, Address, Address, ct)),
            (ChannelCapabilities.Shipping, () => backend.GetShippingOptionsAsync(cart, ct)),
            (ChannelCapabilities.Shipping, () => backend.SelectShippingOptionAsync(cart, "x", ct)),
            (ChannelCapabilities.AttendeeNames, () => backend.UpdateAttendeesAsync(cart, [], ct)),
            (ChannelCapabilities.Forms, () => backend.UpdateFormAnswersAsync(cart, [], ct)),
            (ChannelCapabilities.DiscountCodes, () => backend.ApplyDiscountCodeAsync(cart, "CODE", ct)),
            (ChannelCapabilities.DiscountCodes, () => backend.RemoveDiscountCodeAsync(cart, "CODE", ct)),
            (ChannelCapabilities.Resume, () => backend.ResumeCheckoutAsync(cart, ct)),
            (ChannelCapabilities.LoyaltyDiscounts, () => backend.ApplyLoyaltyDiscountAsync(cart, new Money(1m, Currency), ct)),
            (ChannelCapabilities.CaptureLater, () => backend.CaptureAsync(order, null, ct)),
            (ChannelCapabilities.Refunds, () => backend.RefundAsync(order, zero, null, ct)),
            (ChannelCapabilities.Cancellation, () => backend.CancelAsync(order, ct)),
            (ChannelCapabilities.Bookings, () => backend.CreateBookingAsync(cart, ct)),
            (ChannelCapabilities.Bookings, () => backend.CommitBookingAsync(booking, payment, ct)),
            (ChannelCapabilities.Bookings, () => backend.PurchaseBookingAsync(booking, null, payment, ct)),
            (ChannelCapabilities.Bookings, () => backend.GetBookingAsync(booking, ct)),
        };

        var checkedAny = false;
        foreach (var (capability, call) in operations.Where(o => !backend.Channel.Supports(o.Capability)))
        {
            checkedAny = true;
            await AssertNotSupportedAsync(capability, call);
        }

        Assert.True(checkedAny || operations.All(o => backend.Channel.Supports(o.Capability)), "every undeclared capability was checked");
    }
}
