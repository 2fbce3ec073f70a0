namespace CommerceGateway.Gateway.Ide;

/// <summary>The GraphQL IDE page (<c>Gateway:GraphiQL</c>).</summary>
internal sealed class GraphiQLOptions
{
    /// <summary>
    /// Whether browsers get GraphiQL at GET /graphql. Default <see langword="false"/>: appsettings.json
    /// turns it on for the embedded default, appsettings.Production.json off.
    /// </summary>
    public bool Enabled { get; set; }
}
