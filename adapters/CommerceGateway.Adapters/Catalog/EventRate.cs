namespace CommerceGateway.Adapters;

/// <summary>A price category of an event session (adult, child...).</summary>
/// <param name="Id">The backend's rate id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Price">Price per seat.</param>
public sealed record EventRate(string Id, string Name, Money Price);
