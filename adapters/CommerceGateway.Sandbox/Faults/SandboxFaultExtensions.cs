namespace CommerceGateway.Sandbox.Faults;

/// <summary>Access to the fault in force for the current request.</summary>
public static class SandboxFaultExtensions
{
    internal const string ItemKey = "CommerceGateway.Sandbox.Fault";

    /// <summary>The fault in force for this request (from the header, else the protocol's); never null.</summary>
    public static FaultSpec SandboxFault(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var fault) && fault is FaultSpec spec ? spec : FaultSpec.None;
    }
}
