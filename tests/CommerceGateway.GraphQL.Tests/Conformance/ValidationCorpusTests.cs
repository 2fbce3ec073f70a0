using System.Text.Json;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Tests.Fixtures;
using CommerceGateway.GraphQL.Validation;

namespace CommerceGateway.GraphQL.Tests.Conformance;

/// <summary>Our validator and graphql-js validate() must accept and reject exactly the same documents.</summary>
public sealed class ValidationCorpusTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Validate_CorpusOfDocuments_AgreesWithGraphQLJs()
    {
        var schema = PetSchema.Create();
        var documents = File.ReadAllLines(Path.Combine(Node.ConformanceDirectory, "corpus.graphql"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var input = JsonSerializer.Serialize(new { sdl = schema.ToSdl(), documents });

        var output = await Node.RunAsync("validate-corpus.mjs", [], input);
        var reference = JsonSerializer.Deserialize<List<Verdict>>(output, WebJson)!;

        Assert.True(documents.Count >= 150, $"The corpus must hold at least 150 documents; it holds {documents.Count}.");
        var ours = documents.Select(d => Validate(schema, d)).ToList();
        Assert.True(ours.Count(o => o.Valid) >= 50 && ours.Count(o => !o.Valid) >= 100, "The corpus must hold both valid and invalid documents.");
        var disagreements = documents
            .Select((document, i) => (document, ours: ours[i], theirs: reference[i]))
            .Where(x => x.ours.Valid != x.theirs.Valid)
            .Select(x => $"{x.document}\n  ours: {(x.ours.Valid ? "valid" : string.Join(" | ", x.ours.Errors))}\n  graphql-js: {(x.theirs.Valid ? "valid" : string.Join(" | ", x.theirs.Errors))}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static Verdict Validate(Types.Schema schema, string source)
    {
        try
        {
            var errors = DocumentValidator.Validate(schema, Parser.Parse(source));
            return new Verdict(errors.Count == 0, false, errors.Select(e => e.Message).ToList());
        }
        catch (GraphQLSyntaxException e)
        {
            return new Verdict(false, true, [e.Message]);
        }
    }

    private sealed record Verdict(bool Valid, bool Syntax, List<string> Errors);
}
