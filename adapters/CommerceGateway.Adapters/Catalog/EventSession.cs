namespace CommerceGateway.Adapters;

/// <summary>One performance or time slot of an event.</summary>
/// <param name="Id">The backend's session id.</param>
/// <param name="EventId">The event.</param>
/// <param name="StartsAt">Start time.</param>
/// <param name="Rates">Prices per rate.</param>
/// <param name="Title">Display title.</param>
/// <param name="AvailableSeats">Seats still free, when known.</param>
public sealed record EventSession(string Id, string EventId, DateTimeOffset StartsAt, IReadOnlyList<EventRate> Rates, string? Title = null, int? AvailableSeats = null);
