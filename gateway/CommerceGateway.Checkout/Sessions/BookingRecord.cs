using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>A booking as stored, with the gateway's unguessable id and its owner.</summary>
/// <param name="Id">The gateway's booking id.</param>
/// <param name="Owner">The client that made it.</param>
/// <param name="Booking">The backend's booking.</param>
public sealed record BookingRecord(string Id, string Owner, Booking Booking);
