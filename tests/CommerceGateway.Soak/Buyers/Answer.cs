using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <summary>
/// One call's outcome as the buyer sees it: the mutation's payload (or the query's data) when
/// the call was answered, the first error code otherwise, and whether trying again may help.
/// </summary>
/// <param name="Payload">The field's value; <see cref="JsonValueKind.Undefined"/> when there is none.</param>
/// <param name="Code">The first user error or GraphQL error code; null when the call succeeded.</param>
/// <param name="Retryable">Whether the same call may succeed later (transport loss, 502/503, store outage, CONFLICT).</param>
/// <param name="OutcomeUnknown">Whether the request may have been applied although no answer came back.</param>
public sealed record Answer(JsonElement Payload, string? Code, bool Retryable, bool OutcomeUnknown)
{
    /// <summary>Whether the call succeeded without user errors.</summary>
    public bool Ok => Code is null;
}
