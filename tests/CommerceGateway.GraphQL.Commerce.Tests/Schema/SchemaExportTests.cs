using CommerceGateway.Testing;

namespace CommerceGateway.GraphQL.Commerce.Tests.Schema;

/// <summary>graphql/schema.graphql is the schema front-end teams code against; it must match the code.</summary>
public sealed class SchemaExportTests
{
    private static string SchemaFile => RepositoryLayout.PathOf("graphql", "schema.graphql");

    [Fact]
    public void CheckedInSdl_MatchesTheSchemaInCode()
    {
        var sdl = CommerceSchema.Create().ToSdl() + "\n";

        // UPDATE_SCHEMA=1 dotnet test ... rewrites the file after an intended change.
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaFile, sdl);
        }

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing; run UPDATE_SCHEMA=1 dotnet test tests/CommerceGateway.GraphQL.Commerce.Tests.");
        Assert.Equal(sdl, File.ReadAllText(SchemaFile).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Sdl_UsesStringDecimalsAndIsoDateTimes()
    {
        var sdl = CommerceSchema.Create().ToSdl();

        Assert.Contains("scalar Decimal", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar DateTime", sdl, StringComparison.Ordinal);
        Assert.Contains("amount: Decimal!", sdl, StringComparison.Ordinal);
    }
}
