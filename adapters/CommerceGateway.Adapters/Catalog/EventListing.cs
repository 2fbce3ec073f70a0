namespace CommerceGateway.Adapters;

/// <summary>An event with its sessions.</summary>
/// <param name="Id">The backend's event id.</param>
/// <param name="Title">Display title.</param>
/// <param name="Sessions">Sessions of the event.</param>
/// <param name="Venue">Venue name.</param>
public sealed record EventListing(string Id, string Title, IReadOnlyList<EventSession> Sessions, string? Venue = null);
