using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Decides what a token request gets once its client is known: the requested scopes, each allowed
/// for the client (none requested: its defaults), and the requested audiences, each registered for it
/// (none requested: its default audience). Anything else is refused before a token exists.
/// </summary>
internal sealed class TokenRequestGrant : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    private readonly ILogger _logger;

    public TokenRequestGrant(ILogger<TokenRequestGrant> logger) => _logger = logger;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<TokenRequestGrant>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Transaction.GetClient() ?? throw new InvalidOperationException("The token request reached its grant without an authenticated client.");
        var requestedScopes = context.Request.GetScopes().ToList();
        var refusedScopes = requestedScopes.Where(s => !client.AllowedScopes.Contains(s)).ToList();
        if (refusedScopes.Count > 0)
        {
            Refuse(context, client, OpenIddictConstants.Errors.InvalidScope, $"The client may not request: {string.Join(' ', refusedScopes)}.");
            return default;
        }

        var targets = context.Transaction.GetRequestedTargets();
        if (!targets.All(client.Audiences.Contains))
        {
            Refuse(context, client, OpenIddictConstants.Errors.InvalidTarget, "The requested audience or resource is not registered for this client.");
            return default;
        }

        context.Transaction.SetGrant(
            requestedScopes.Count > 0 ? requestedScopes : client.DefaultScopes,
            targets.Count > 0 ? targets : [client.DefaultAudience]);
        return default;
    }

    private void Refuse(ValidateTokenRequestContext context, RegisteredClient client, string error, string description)
    {
        IdentityLog.RequestRefused(_logger, client.ClientId, error);
        context.Reject(error, description);
    }
}
