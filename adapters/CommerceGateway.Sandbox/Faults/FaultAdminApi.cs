namespace CommerceGateway.Sandbox.Faults;

/// <summary>
/// <c>PUT {prefix}/_admin/{protocol}/faults</c> with a <see cref="FaultSpec"/> JSON body sets a
/// protocol-wide fault; <c>DELETE</c> clears it; <c>GET</c> shows it.
/// </summary>
internal static class FaultAdminApi
{
    public static RouteGroupBuilder MapFaultAdminApi(this RouteGroupBuilder root)
    {
        var admin = root.MapGroup("/_admin/{protocol}/faults");
        admin.MapGet("/", (string protocol, SandboxFaults faults) => TypedResults.Ok(faults.Peek(protocol)));
        admin.MapPut("/", (string protocol, FaultSpec fault, SandboxFaults faults) =>
        {
            faults.Set(protocol, fault);
            return TypedResults.Ok(fault);
        });
        admin.MapDelete("/", (string protocol, SandboxFaults faults) =>
        {
            faults.Clear(protocol);
            return TypedResults.NoContent();
        });
        return root;
    }
}
