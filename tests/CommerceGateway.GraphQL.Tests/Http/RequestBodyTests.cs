using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommerceGateway.GraphQL.Tests.Fixtures;

namespace CommerceGateway.GraphQL.Tests.Http;

/// <summary>
/// A single request object is read straight from the body; every other body goes through the JSON
/// document. Clients must not be able to tell the two apart.
/// </summary>
public sealed class RequestBodyTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    [Fact]
    public async Task Post_EscapedNamesAndText_ReadAsUnescaped()
    {
        var (status, json) = await PostAsync("""{"\u0071uery":"{ h\u0065llo }","variables":null}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", Run.Compact(json));
    }

    [Fact]
    public async Task Post_QueryGivenTwice_LastOneRuns()
    {
        var (status, json) = await PostAsync("""{"query":"{ nope }","extra":[1,{"a":[]}],"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", Run.Compact(json));
    }

    [Fact]
    public async Task Post_NestedVariables_ReachTheResolverAsPlainValues()
    {
        var (status, json) = await PostAsync("""{"query":"query($l: [String], $i: Int, $f: Float) { stringListArg(list: $l) intArg(i: $i) floatArg(f: $f) }","variables":{"l":["a",null,"c"],"i":3,"f":1.5}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"stringListArg":["a",null,"c"],"intArg":3,"floatArg":1.5}}""", Run.Compact(json));
    }

    [Fact]
    public async Task Post_ContentAfterTheObject_IsInvalidJson()
    {
        var (status, json) = await PostAsync("""{"query":"{ hello }"} x""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid JSON.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_QueryNotAString_ReportsTheParameter()
    {
        var (status, json) = await PostAsync("""{"query":5}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The \"query\" parameter must be a string.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_MalformedParameterBeforeInvalidJson_ReportsInvalidJson()
    {
        var (status, json) = await PostAsync("""{"variables":[],"query":"{ hello }",}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid JSON.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_SameQueryManyTimes_AnswersAlike()
    {
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, json) = await PostAsync("""{"query":"{ hello dog { name } }"}""");
            answers.Add(Run.Compact(json));
        }

        Assert.All(answers, a => Assert.Equal("""{"data":{"hello":"Hello, world!","dog":{"name":"Rex"}}}""", a));
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
