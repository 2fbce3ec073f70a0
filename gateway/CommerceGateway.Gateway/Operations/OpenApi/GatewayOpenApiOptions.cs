namespace CommerceGateway.Gateway.Operations.OpenApi;

/// <summary>The OpenAPI document of the REST surface (<c>Gateway:OpenApi</c>).</summary>
internal sealed class GatewayOpenApiOptions
{
    public const string SectionName = "Gateway:OpenApi";

    /// <summary>The document's name; it is served at <c>/openapi/{DocumentName}.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>
    /// Whether <c>/openapi/v1.json</c> is served. Default true: it lists paths, audiences and scopes,
    /// which partners need and which are no secret.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
