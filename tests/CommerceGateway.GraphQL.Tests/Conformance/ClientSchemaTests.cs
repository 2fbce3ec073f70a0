using CommerceGateway.GraphQL.Tests.Fixtures;

namespace CommerceGateway.GraphQL.Tests.Conformance;

/// <summary>graphql-js rebuilds our schema from our introspection and prints it: it must equal our own SDL export.</summary>
public sealed class ClientSchemaTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    [Fact]
    public async Task PrintSchema_BuildClientSchemaOfOurIntrospection_EqualsOurSdlExport()
    {
        var printedByGraphQLJs = await Node.RunAsync("print-client-schema.mjs", [server.Url.ToString()]);

        Assert.Equal(PetSchema.Create().ToSdl(), printedByGraphQLJs);
    }
}
