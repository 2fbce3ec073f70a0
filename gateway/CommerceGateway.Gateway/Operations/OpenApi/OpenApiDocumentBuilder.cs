using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CommerceGateway.Gateway.Operations.OpenApi;

/// <summary>Small helpers to describe endpoints the API explorer cannot see (health, metrics, proxied routes).</summary>
internal static class OpenApiDocumentBuilder
{
    public const string BearerScheme = "Bearer";

    public static void AddOperation(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        document.Paths ??= [];
        if (!document.Paths.TryGetValue(path, out var item))
        {
            item = new OpenApiPathItem();
            document.Paths[path] = item;
        }

        var pathItem = (OpenApiPathItem)item;
        pathItem.Operations ??= [];
        pathItem.Operations[method] = operation;
    }

    public static OpenApiResponse Response(string description, string? mediaType = null) => new()
    {
        Description = description,
        Content = mediaType is null ? null : new Dictionary<string, OpenApiMediaType> { [mediaType] = new() },
    };

    public static OpenApiResponse JsonResponse(string description) => Response(description, "application/json");

    public static HashSet<OpenApiTagReference> Tags(OpenApiDocument document, string tag)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == tag))
        {
            document.Tags.Add(new OpenApiTag { Name = tag });
        }

        return [new OpenApiTagReference(tag, document)];
    }

    public static void EnsureBearerScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /oauth/token (client_credentials) naming the route's audience and scope.",
        };
    }

    public static OpenApiSecurityRequirement BearerRequirement(OpenApiDocument document, IEnumerable<string> scopes) => new()
    {
        [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [.. scopes],
    };

    public static JsonNode Text(string value) => JsonValue.Create(value)!;
}
