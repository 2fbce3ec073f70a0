namespace CommerceGateway.Gateway.Composition;

/// <summary>The simulated backends served in-process (<c>Gateway:Sandbox</c>).</summary>
internal sealed class GatewaySandboxOptions
{
    /// <summary>
    /// Whether the sandbox answers under <see cref="Path"/>. Default <see langword="false"/>:
    /// appsettings.json turns it on for the embedded default, appsettings.Production.json off.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Where the sandbox is mapped. Default <c>/sandbox</c>; must start with '/'.</summary>
    public string Path { get; set; } = "/sandbox";
}
