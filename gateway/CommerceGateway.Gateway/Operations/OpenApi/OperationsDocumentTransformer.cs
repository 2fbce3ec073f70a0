using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using CommerceGateway.Gateway.Operations.Metrics;
using static CommerceGateway.Gateway.Operations.OpenApi.OpenApiDocumentBuilder;

namespace CommerceGateway.Gateway.Operations.OpenApi;

/// <summary>
/// Health and metrics endpoints are not route handlers, so the API explorer does not list them;
/// this adds them, with the document's title and the bearer scheme every protected route uses.
/// </summary>
internal sealed class OperationsDocumentTransformer(IOptions<GatewayMetricsOptions> metrics) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "CommerceGateway";
        document.Info.Description = "The gateway's REST surface: the OAuth2 client-credentials token service, health, metrics and partner routes. Commerce itself is served over GraphQL.";
        EnsureBearerScheme(document);

        var tags = Tags(document, "Operations");
        AddOperation(document, "/healthz", HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "Liveness",
            Summary = "Liveness: the process serves requests.",
            Tags = tags,
            Responses = new OpenApiResponses { ["200"] = JsonResponse("Healthy.") },
        });
        AddOperation(document, "/readyz", HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "Readiness",
            Summary = "Readiness: state store, identity signing keys and each channel's circuit.",
            Description = "Each check with status, description and data. An open channel circuit is Degraded (200); an unreachable state store or missing signing keys is Unhealthy (503).",
            Tags = tags,
            Responses = new OpenApiResponses
            {
                ["200"] = JsonResponse("Ready (Healthy or Degraded)."),
                ["503"] = JsonResponse("Not ready: a check is Unhealthy."),
            },
        });

        var options = metrics.Value;
        if (options.Enabled)
        {
            AddOperation(document, options.Path, HttpMethod.Get, new OpenApiOperation
            {
                OperationId = "Metrics",
                Summary = "Prometheus metrics (text format 0.0.4), for operators only.",
                Description = options.Port is { } port
                    ? $"Answered only on the management port {port}; 404 elsewhere."
                    : "Answered only to loopback callers; 404 to anyone else.",
                Tags = tags,
                Responses = new OpenApiResponses
                {
                    ["200"] = Response("The exposition.", "text/plain"),
                    ["404"] = Response("The caller is not an operator."),
                },
            });
        }

        return Task.CompletedTask;
    }
}
