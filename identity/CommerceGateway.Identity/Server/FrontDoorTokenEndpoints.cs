using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Lets OpenIddict serve the token endpoint at routes with parameters (a front door's
/// <c>/livescale/{channel}/oauth/token</c>), which its fixed endpoint URIs cannot name: a request
/// routed to an endpoint mapped by <c>MapGatewayTokenEndpoint</c> is a token request.
/// </summary>
internal sealed class FrontDoorTokenEndpoints : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
        .UseSingletonHandler<FrontDoorTokenEndpoints>()
        .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType == OpenIddictServerEndpointType.Unknown
            && context.Transaction.GetHttpRequest()?.HttpContext.GetEndpoint()?.Metadata.GetMetadata<TokenEndpointMarker>() is not null)
        {
            context.EndpointType = OpenIddictServerEndpointType.Token;
        }

        return default;
    }
}
