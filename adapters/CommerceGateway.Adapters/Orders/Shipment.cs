namespace CommerceGateway.Adapters;

/// <summary>A shipment of an order.</summary>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="Carrier">The carrier, when known.</param>
public sealed record Shipment(string TrackingNumber, string? Carrier = null);
