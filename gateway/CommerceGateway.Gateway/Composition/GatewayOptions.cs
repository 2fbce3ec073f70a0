namespace CommerceGateway.Gateway.Composition;

/// <summary>
/// Settings of the gateway host itself, bound from the <c>Gateway:</c> section and validated at start-up.
/// Identity, the state store, channels and partner routes keep their own sections.
/// </summary>
internal sealed class GatewayOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The in-process sandbox backends.</summary>
    public GatewaySandboxOptions Sandbox { get; } = new();

    /// <summary>How the gateway validates access tokens.</summary>
    public GatewayAuthenticationOptions Authentication { get; } = new();

    /// <summary>The GraphQL IDE page.</summary>
    public Ide.GraphiQLOptions GraphiQL { get; } = new();

    /// <summary>Defaults and limits of the partner routes.</summary>
    public Partners.PartnerOptions Partners { get; } = new();

    /// <summary>
    /// How long a stopping replica (SIGTERM) keeps serving the requests already in flight, a
    /// checkout's payment among them, before it exits anyway. Keep it below the orchestrator's
    /// grace period minus any pre-stop delay (Kubernetes: 35 s - 5 s in deploy/kubernetes).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
