using Microsoft.AspNetCore;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Replaces OpenIddict's form reader on the token, introspection and revocation endpoints: it also reads
/// JSON bodies, refuses repeated parameters and credentials in the URL, takes Livescale's <c>scopes</c> as
/// <c>scope</c>, and moves <c>audience</c> and <c>resource</c> aside, since OpenIddict refuses plain-string
/// resources and <c>audience</c> outside token exchange while our clients register audiences by name
/// (<see cref="TokenRequestGrant"/> checks them). A method other than POST is left to routing (405).
/// </summary>
internal sealed class GatewayRequestExtractor<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    private static readonly string[] ForbiddenInQuery = ["client_id", "client_secret", "token", "client_assertion"];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<GatewayRequestExtractor<TContext>>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<TContext>.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>The built-in handler this one takes the place of.</summary>
    public static OpenIddictServerHandlerDescriptor Replaced => OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<TContext>.Descriptor;

    public async ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("The OpenIddict transaction has no ASP.NET Core request.");
        if (!HttpMethods.IsPost(request.Method))
        {
            context.SkipRequest();
            return;
        }

        if (ForbiddenInQuery.FirstOrDefault(request.Query.ContainsKey) is { } inQuery)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, $"'{inQuery}' must be sent in the request body, never in the URL.");
            return;
        }

        var (parameters, error) = await OAuthRequestBody.ReadAsync(request, context.CancellationToken).ConfigureAwait(false);
        error ??= CheckAuthorizationHeader(request, parameters!) ?? MoveAliases(parameters!, context.Transaction);
        if (error is not null)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, error);
            return;
        }

        if (parameters!.TryGetValue(OpenIddictConstants.Parameters.ClientId, out var clientId))
        {
            context.Transaction.SetBodyClientId(clientId.ToString());
        }

        context.Transaction.Request = new OpenIddictRequest(parameters);
    }

    private static string? CheckAuthorizationHeader(HttpRequest request, Dictionary<string, StringValues> parameters)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return parameters.ContainsKey(OpenIddictConstants.Parameters.ClientSecret) && !parameters.ContainsKey(OpenIddictConstants.Parameters.ClientId)
                ? "'client_secret' was sent without 'client_id'."
                : null;
        }

        if (headers.Count > 1)
        {
            return "The Authorization header is repeated.";
        }

        return headers[0]!.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            ? null
            : "Only the Basic authorization scheme authenticates clients here.";
    }

    private static string? MoveAliases(Dictionary<string, StringValues> parameters, OpenIddictServerTransaction transaction)
    {
        if (parameters.Remove("scopes", out var scopes))
        {
            if (parameters.ContainsKey(OpenIddictConstants.Parameters.Scope))
            {
                return "Send either 'scope' or 'scopes', not both.";
            }

            parameters[OpenIddictConstants.Parameters.Scope] = scopes;
        }

        var targets = new List<string>();
        foreach (var name in (string[])[OpenIddictConstants.Parameters.Audience, OpenIddictConstants.Parameters.Resource])
        {
            if (parameters.Remove(name, out var values))
            {
                targets.AddRange(values.Where(v => !string.IsNullOrEmpty(v))!);
            }
        }

        transaction.SetRequestedTargets([.. targets.Distinct(StringComparer.Ordinal)]);
        return null;
    }
}
