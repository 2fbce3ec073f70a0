using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>A sandbox answer.</summary>
internal sealed record GmResponse(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)
{
    /// <summary>The body of a 200 answer.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Body}");
        return Body;
    }

    /// <summary>Asserts an error answer of <paramref name="status"/> and <paramref name="type"/>.</summary>
    public JsonElement Error(HttpStatusCode status, string type)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal(type, Body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Body.GetProperty("message").GetString()));
        return Body;
    }

    /// <summary>The (field, code) pairs of a 422 validation error.</summary>
    public (string Field, string Code)[] Attributes()
    {
        Error(HttpStatusCode.UnprocessableEntity, "validation_error");
        return [.. Body.GetProperty("errors").GetProperty("attributes").EnumerateArray()
            .Select(a => (a.GetProperty("field").GetString()!, a.GetProperty("code").GetString()!))];
    }
}
