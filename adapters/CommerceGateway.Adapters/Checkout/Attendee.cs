namespace CommerceGateway.Adapters;

/// <summary>The named holder of one ticket of a cart line.</summary>
/// <param name="TicketId">The backend's ticket id within the line.</param>
/// <param name="Name">Attendee name printed on or checked against the ticket.</param>
/// <param name="Email">Attendee email; never logged.</param>
public sealed record Attendee(string TicketId, string? Name, string? Email = null)
{
    /// <summary>Redacts the personal data.</summary>
    public override string ToString() => $"Attendee {{ TicketId = {TicketId} }}";
}
