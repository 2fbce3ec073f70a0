using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the OneBox-style booking adapter.</summary>
public static class BookingAdapterBuilderExtensions
{
    /// <summary>The adapter kind channels name in configuration: <c>Adapter: booking</c>.</summary>
    public const string Kind = "booking";

    /// <summary>
    /// Registers the <c>booking</c> adapter kind. Its channels need the <c>ClientId</c> and
    /// <c>ClientSecret</c> credentials and, by default, have the SeatSelection, Bookings,
    /// EventCatalog and Resume capabilities. The container must provide an
    /// <see cref="CommerceGateway.Adapters.State.ISeatHoldStore"/> (the gateway's state store).
    /// Safe to call twice.
    /// </summary>
    /// <param name="builder">The adapter builder from <c>AddCommerceAdapters</c>.</param>
    /// <returns>The same builder.</returns>
    public static ICommerceAdapterBuilder AddBookingAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdapter<BookingBackend>(Kind, options =>
        {
            options.DefaultCapabilities = ChannelCapabilities.SeatSelection | ChannelCapabilities.Bookings | ChannelCapabilities.EventCatalog | ChannelCapabilities.Resume;
            options.RequiredCredentials.Add(BookingSettings.ClientId);
            options.RequiredCredentials.Add(BookingSettings.ClientSecret);
        });
    }
}
