namespace CommerceGateway.Adapters;

/// <summary>A new quantity for an existing line (zero removes it).</summary>
/// <param name="LineId">The line.</param>
/// <param name="Quantity">The new quantity.</param>
public sealed record CartLineUpdate(string LineId, int Quantity);
