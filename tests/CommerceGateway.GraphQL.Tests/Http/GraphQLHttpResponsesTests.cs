using System.Text.Json;
using CommerceGateway.GraphQL.Http;
using Microsoft.AspNetCore.Http;

namespace CommerceGateway.GraphQL.Tests.Http;

/// <summary>A host refusing a request before execution answers in the media type the client accepts, with the status that media type allows.</summary>
public sealed class GraphQLHttpResponsesTests
{
    [Fact]
    public async Task WriteRequestError_ClientAcceptsGraphQLResponseMediaType_UsesTheStatusAndRetryAfter()
    {
        var (context, body) = Request("application/graphql-response+json, application/json;q=0.9");

        await GraphQLHttpResponses.WriteRequestErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Store down.", "STATE_STORE_UNAVAILABLE", TimeSpan.FromSeconds(4.2));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", context.Response.ContentType);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        AssertOneErrorWithoutData(body, "Store down.", "STATE_STORE_UNAVAILABLE");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task WriteRequestError_ClientAcceptsApplicationJson_Is200WithTheErrorOnlyInTheBody(string? accept)
    {
        var (context, body) = Request(accept);

        await GraphQLHttpResponses.WriteRequestErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Store down.", "STATE_STORE_UNAVAILABLE", TimeSpan.FromSeconds(5));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
        AssertOneErrorWithoutData(body, "Store down.", "STATE_STORE_UNAVAILABLE");
    }

    [Fact]
    public async Task WriteRequestError_StatusThatIsNotAnError_IsRefused()
    {
        var (context, _) = Request("application/graphql-response+json");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GraphQLHttpResponses.WriteRequestErrorAsync(context, StatusCodes.Status200OK, "x", "X"));
    }

    private static (DefaultHttpContext Context, MemoryStream Body) Request(string? accept)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        return (context, body);
    }

    private static void AssertOneErrorWithoutData(MemoryStream body, string message, string code)
    {
        using var json = JsonDocument.Parse(body.ToArray());
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("data", out _));
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
