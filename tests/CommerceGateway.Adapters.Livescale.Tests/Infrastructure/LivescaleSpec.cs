using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommerceGateway.Testing;
using Json.Schema;
using Microsoft.OpenApi;
#if !OPENAPI_V2
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;
#endif

namespace CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

/// <summary>
/// The project's statement of the Livescale Shopping API (the adapter's
/// Protocol/livescale-shopping-api.openapi.json, derived from the official OpenAPI document), read
/// with Microsoft.OpenApi.Readers and turned into JSON Schemas (component schemas as <c>$defs</c>),
/// so any answer of the sandbox can be checked against the response schema of its operation.
/// </summary>
internal sealed class LivescaleSpec
{
    private static readonly Lazy<LivescaleSpec> LazyInstance = new(Load);

    private readonly List<SpecOperation> _operations;

    private LivescaleSpec(List<SpecOperation> operations) => _operations = operations;

    /// <summary>The spec, loaded once.</summary>
    public static LivescaleSpec Instance => LazyInstance.Value;

    /// <summary>Every operation of the spec, e.g. "PUT /orders/{order_id}".</summary>
    public IReadOnlyList<string> Operations => _operations.Select(o => o.Name).ToList();

    /// <summary>The spec operation a request is for, e.g. "PUT /orders/{order_id}", or null.</summary>
    public string? OperationOf(HttpMethod method, string path) => Find(method, path)?.Name;

    /// <summary>
    /// What is wrong with an answer, judged by the spec: a success status the operation does not
    /// declare, or a body that fails the declared schema. Errors answers the spec documents without a
    /// body are not checked (the spec defines no error body). Empty when the answer conforms.
    /// </summary>
    public IReadOnlyList<string> Check(HttpMethod method, string path, int status, string body)
    {
        var operation = Find(method, path);
        if (operation is null)
        {
            return [$"{method} /{path} is not an operation of the spec"];
        }

        if (!operation.Responses.TryGetValue(status, out var schema))
        {
            return status is >= 200 and < 300
                ? [$"{operation.Name} answered {status}; the spec declares {string.Join(", ", operation.Responses.Keys)}"]
                : [];
        }

        if (schema is null)
        {
            return [];
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            return [$"{operation.Name} {status}: the body is not JSON ({e.Message})"];
        }

        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : result.Details.Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"{operation.Name} {status}: {d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
                .DefaultIfEmpty($"{operation.Name} {status}: does not match the schema")
                .ToList();
    }

    private SpecOperation? Find(HttpMethod method, string path)
    {
        var bare = path.Split('?')[0].TrimStart('/');
        return _operations.FirstOrDefault(o => o.Method == method && o.Pattern.IsMatch(bare));
    }

    private static LivescaleSpec Load()
    {
        var text = File.ReadAllText(RepositoryLayout.PathOf("adapters", "CommerceGateway.Adapters.Livescale", "Protocol", "livescale-shopping-api.openapi.json"));
#if OPENAPI_V2
        // OpenAPI.NET 2 (what the gateway's ASP.NET OpenAPI brings along) reads JSON itself.
        var read = OpenApiDocument.Parse(text, "json");
        var errors = read.Diagnostic?.Errors ?? [];
        var serialized = errors.Count > 0 ? string.Empty : read.Document!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).GetAwaiter().GetResult();
#else
        var document = new OpenApiStringReader().Read(text, out var diagnostic);
        var errors = diagnostic.Errors;
        var serialized = errors.Count > 0 ? string.Empty : document.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0);
#endif
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The Livescale spec does not read: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        // The spec as JSON; schema references then point into $defs of each response schema.
        var json = JsonNode.Parse(serialized.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
        var defs = json["components"]!["schemas"]!;
        var operations = new List<SpecOperation>();
        foreach (var (template, item) in json["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in item!.AsObject())
            {
                var responses = new Dictionary<int, JsonSchema?>();
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var schema = response!["content"]?["application/json"]?["schema"];
                    responses[int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)] = schema is null ? null : ToJsonSchema(schema, defs);
                }

                var pattern = new Regex("^" + Regex.Replace(template.TrimStart('/'), @"\{[^}]+\}", "[^/]+") + "$", RegexOptions.CultureInvariant);
                operations.Add(new SpecOperation($"{verb.ToUpperInvariant()} {template}", new HttpMethod(verb.ToUpperInvariant()), pattern, responses));
            }
        }

        return new LivescaleSpec(operations);
    }

    private static JsonSchema ToJsonSchema(JsonNode schema, JsonNode defs)
    {
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var (key, value) in schema.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = defs.DeepClone();
        return JsonSchema.FromText(root.ToJsonString());
    }

    private sealed record SpecOperation(string Name, HttpMethod Method, Regex Pattern, IReadOnlyDictionary<int, JsonSchema?> Responses);
}
