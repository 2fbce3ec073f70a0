#:package Microsoft.OpenApi.Readers
// Rewrites the project's statement of the Livescale Shopping API from the official OpenAPI document:
//   dotnet run eng/regenerate-livescale-protocol.cs -- PATH/TO/livescale-shopping-api.yml [OUTPUT.json]
// OUTPUT defaults to adapters/CommerceGateway.Adapters.Livescale/Protocol/livescale-shopping-api.openapi.json.
// Only the protocol's facts are kept (paths, operations, parameters, bodies, responses, schemas,
// enums, defaults, required fields, formats, security); every piece of prose is dropped, because
// the project must carry no text copied from the official document.
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Services;

if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: dotnet run eng/regenerate-livescale-protocol.cs -- OFFICIAL-SPEC.yml [OUTPUT.json]");
    return 2;
}

if (!File.Exists(args[0]))
{
    await Console.Error.WriteLineAsync($"No file at {args[0]}: give the path of the official Livescale Shopping OpenAPI document.");
    return 2;
}

// The script lives in eng/; the repository is its parent.
var repository = Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));
var output = args.Length == 2
    ? Path.GetFullPath(args[1])
    : Path.Combine(repository, "adapters", "CommerceGateway.Adapters.Livescale", "Protocol", "livescale-shopping-api.openapi.json");

OpenApiDocument document;
await using (var official = File.OpenRead(args[0]))
{
    document = new OpenApiStreamReader().Read(official, out var diagnostic);
    if (diagnostic.Errors.Count > 0)
    {
        await Console.Error.WriteLineAsync($"{args[0]} does not read: " + string.Join("; ", diagnostic.Errors.Select(e => e.Message)));
        return 1;
    }
}

new OpenApiWalker(new ProseRemover()).Walk(document);
document.Tags = [];
document.ExternalDocs = null;
document.Extensions.Clear();
document.Components?.Examples.Clear();

var json = document.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0) + "\n";

// What is written must still be a valid OpenAPI 3 document, or the tests that read it would fail later.
new OpenApiStringReader().Read(json, out var check);
if (check.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync("The stripped document does not read: " + string.Join("; ", check.Errors.Select(e => e.Message)));
    return 1;
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, json);
Console.WriteLine($"Wrote {output}: {document.Paths.Count} paths, {document.Components?.Schemas.Count ?? 0} schemas.");
return 0;

/// <summary>Drops every free-text field (and vendor extensions, which may hold prose); keeps the facts.</summary>
internal sealed class ProseRemover : OpenApiVisitorBase
{
    public override void Visit(OpenApiInfo info)
    {
        // The title is the API's name and, with the version, required by OpenAPI; the rest is prose.
        info.Description = null;
        info.TermsOfService = null;
        info.Contact = null;
        info.License = null;
    }

    public override void Visit(OpenApiServer server) => server.Description = null;

    public override void Visit(OpenApiServerVariable serverVariable) => serverVariable.Description = null;

    public override void Visit(OpenApiPathItem pathItem)
    {
        pathItem.Summary = null;
        pathItem.Description = null;
    }

    public override void Visit(OpenApiOperation operation)
    {
        operation.Summary = null;
        operation.Description = null;
        operation.ExternalDocs = null;
        operation.Tags = [];
    }

    public override void Visit(OpenApiParameter parameter)
    {
        parameter.Description = null;
        parameter.Example = null;
        parameter.Examples.Clear();
    }

    public override void Visit(OpenApiHeader header)
    {
        header.Description = null;
        header.Example = null;
        header.Examples.Clear();
    }

    public override void Visit(OpenApiRequestBody requestBody) => requestBody.Description = null;

    // OpenAPI requires a description on every response; an empty one carries no text.
    public override void Visit(OpenApiResponse response) => response.Description = string.Empty;

    public override void Visit(OpenApiMediaType mediaType)
    {
        mediaType.Example = null;
        mediaType.Examples.Clear();
    }

    public override void Visit(OpenApiSchema schema)
    {
        schema.Title = null;
        schema.Description = null;
        schema.Example = null;
        schema.ExternalDocs = null;
    }

    public override void Visit(OpenApiSecurityScheme securityScheme) => securityScheme.Description = null;

    public override void Visit(OpenApiLink link) => link.Description = null;

    public override void Visit(Microsoft.OpenApi.Interfaces.IOpenApiExtensible openApiExtensible) => openApiExtensible.Extensions.Clear();
}
