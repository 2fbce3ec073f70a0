using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>A booking as stored, with the gateway's unguessable id and its owner.</summary>
/// <param name="Id">The gateway's booking id.</param>
/// <param name="Owner">The client that made it.</param>
/// <param name="Booking">The backend's booking.</param>
/// <param name="OrderId">The gateway's id of the order its purchase created, once purchased.</param>
public sealed record BookingRecord(string Id, string Owner, Booking Booking, string? OrderId = null)
{
    /// <summary>What is still to be paid: the total less what was paid, never below zero (what purchasing every item collects).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money AmountDue => Booking.Total - Booking.AmountPaid is { Amount: > 0m } due ? due : Money.Zero(Booking.Total.Currency);
}
