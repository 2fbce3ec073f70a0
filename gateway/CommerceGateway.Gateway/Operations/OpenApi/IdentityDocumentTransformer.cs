using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static CommerceGateway.Gateway.Operations.OpenApi.OpenApiDocumentBuilder;

namespace CommerceGateway.Gateway.Operations.OpenApi;

/// <summary>
/// OpenIddict answers introspection, revocation, discovery and JWKS inside the authentication
/// middleware, before routing, so the API explorer never sees them; this lists them beside the
/// token endpoint (a routed endpoint, described by the explorer itself).
/// </summary>
internal sealed class IdentityDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Form = "application/x-www-form-urlencoded";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var tags = Tags(document, "Identity");
        AddOperation(document, "/oauth/introspect", HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "IdentityIntrospect",
            Summary = "Token introspection (RFC 7662), for an authenticated client.",
            Tags = tags,
            RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [Form] = new() } },
            Responses = new OpenApiResponses
            {
                ["200"] = JsonResponse("active with the token's claims, or active: false."),
                ["400"] = JsonResponse("RFC 6749 error."),
                ["401"] = JsonResponse("invalid_client."),
                ["429"] = JsonResponse("Too many failed client authentications (Retry-After)."),
                ["503"] = JsonResponse("temporarily_unavailable: the state store is down (Retry-After)."),
            },
        });
        AddOperation(document, "/oauth/revoke", HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "IdentityRevoke",
            Summary = "Token revocation (RFC 7009) by the client the token was issued to; honoured by every replica.",
            Tags = tags,
            RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [Form] = new() } },
            Responses = new OpenApiResponses
            {
                ["200"] = Response("Revoked, or not a live token of ours."),
                ["400"] = JsonResponse("RFC 6749 error."),
                ["401"] = JsonResponse("invalid_client."),
                ["429"] = JsonResponse("Too many failed client authentications (Retry-After)."),
                ["503"] = JsonResponse("temporarily_unavailable: the state store is down (Retry-After)."),
            },
        });
        AddMetadata(document, tags, "/.well-known/oauth-authorization-server", "IdentityMetadata", "Authorization server metadata (RFC 8414).");
        AddMetadata(document, tags, "/.well-known/openid-configuration", "IdentityOpenIdConfiguration", "OpenID Connect discovery (the same metadata).");
        AddMetadata(document, tags, "/.well-known/jwks.json", "IdentityJwks", "The public signing keys (JWKS): the active key, its published successor and predecessors whose tokens live.");
        return Task.CompletedTask;
    }

    private static void AddMetadata(OpenApiDocument document, HashSet<OpenApiTagReference> tags, string path, string operationId, string summary) =>
        AddOperation(document, path, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Tags = tags,
            Responses = new OpenApiResponses { ["200"] = JsonResponse(summary) },
        });
}
