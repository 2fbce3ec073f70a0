namespace CommerceGateway.Identity.Server;

/// <summary>Endpoint metadata naming a route as the token endpoint (<see cref="FrontDoorTokenEndpoints"/>).</summary>
internal sealed class TokenEndpointMarker
{
    public static readonly TokenEndpointMarker Instance = new();

    private TokenEndpointMarker()
    {
    }
}
