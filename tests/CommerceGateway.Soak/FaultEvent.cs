namespace CommerceGateway.Soak;

/// <summary>A fault the soak injected, when, and how long until checkouts succeeded again.</summary>
/// <param name="Name">What was done.</param>
/// <param name="At">Time since the load started.</param>
/// <param name="RecoveredAfter">From the fault to the end of the first successful payment started after it; null if none.</param>
public sealed record FaultEvent(string Name, TimeSpan At, TimeSpan? RecoveredAfter);
