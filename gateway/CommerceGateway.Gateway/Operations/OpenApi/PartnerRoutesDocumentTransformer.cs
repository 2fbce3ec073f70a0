using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Yarp.ReverseProxy;
using static CommerceGateway.Gateway.Operations.OpenApi.OpenApiDocumentBuilder;

namespace CommerceGateway.Gateway.Operations.OpenApi;

/// <summary>
/// YARP routes are not endpoints the API explorer sees. This lists every configured partner route
/// (as the proxy holds it now, after hot reloads) with its methods, its required audience and scope,
/// under the bearer scheme. Bodies are the backend's own and are not described.
/// </summary>
internal sealed class PartnerRoutesDocumentTransformer(IProxyStateLookup proxy) : IOpenApiDocumentTransformer
{
    private static readonly HttpMethod[] AllMethods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        EnsureBearerScheme(document);
        var tags = Tags(document, "Partners");
        foreach (var route in proxy.GetRoutes().Select(r => r.Config).OrderBy(r => r.Order ?? 0).ThenBy(r => r.RouteId, StringComparer.Ordinal))
        {
            if (route.Match.Path is not { } template)
            {
                continue;
            }

            var (path, parameters) = PathOf(template);
            var metadata = route.Metadata ?? new Dictionary<string, string>();
            var scope = metadata.GetValueOrDefault("Scope");
            var audience = metadata.GetValueOrDefault("Audience");
            var methods = route.Match.Methods is { Count: > 0 } listed
                ? listed.Select(m => new HttpMethod(m.ToUpperInvariant())).ToArray()
                : AllMethods;
            foreach (var method in methods)
            {
                // A method two routes share (a read route and a catch-all write route) is described by the first.
                if (document.Paths?.TryGetValue(path, out var existing) == true && existing.Operations?.ContainsKey(method) == true)
                {
                    continue;
                }

                AddOperation(document, path, method, new OpenApiOperation
                {
                    OperationId = $"{route.RouteId}-{method.Method.ToLowerInvariant()}",
                    Summary = $"Partner route {route.RouteId}, proxied to cluster {route.ClusterId}.",
                    Description = $"Requires a bearer token for audience '{audience ?? "(any accepted)"}' with scope '{scope ?? "(none)"}'. Rate-limited per client (429 with Retry-After).",
                    Tags = tags,
                    Parameters = [.. parameters],
                    Security = [BearerRequirement(document, scope is null ? [] : [scope])],
                    Extensions = new Dictionary<string, IOpenApiExtension>
                    {
                        ["x-audience"] = new JsonNodeExtension(Text(audience ?? string.Empty)),
                        ["x-scope"] = new JsonNodeExtension(Text(scope ?? string.Empty)),
                    },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Response("The backend's answer, passed through."),
                        ["401"] = Response("No valid bearer token."),
                        ["403"] = Response("The token lacks the route's audience or scope."),
                        ["429"] = Response("Over the client's rate limit."),
                        ["504"] = Response("The backend did not answer within the route's timeout."),
                    },
                });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>"/partners/x/{**rest}" becomes "/partners/x/{rest}" with a path parameter per segment.</summary>
    private static (string Path, List<IOpenApiParameter> Parameters) PathOf(string template)
    {
        var parameters = new List<IOpenApiParameter>();
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment.Trim('{', '}').TrimStart('*').Split(':', '=', '?')[0];
                segments[i] = "{" + name + "}";
                parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = segment.Contains("**", StringComparison.Ordinal) ? "The rest of the backend path, slashes included." : null,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        return (string.Join('/', segments), parameters);
    }
}
