namespace CommerceGateway.Soak.Deployment;

/// <summary>The configuration the soak was built in; the gateway and sandbox are run from the same one.</summary>
internal static class BuildConfiguration
{
#if DEBUG
    public const string Name = "Debug";
#else
    public const string Name = "Release";
#endif
}
