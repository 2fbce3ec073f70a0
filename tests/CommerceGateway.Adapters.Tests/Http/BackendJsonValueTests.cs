using System.Net;
using System.Text;
using System.Text.Json;

namespace CommerceGateway.Adapters.Tests.Http;

public sealed class BackendJsonValueTests
{
    private static BackendJsonValue Root(string json) => JsonDocument.Parse(json).Root("shop");

    [Fact]
    public void Required_MissingNestedField_NamesItsPath()
    {
        var basket = Root("{\"basket\":{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}").Required("basket");

        var error = Assert.Throws<BackendProtocolException>(() => basket.Required("items").Items().ElementAt(1).Required("price"));

        Assert.Equal("basket.items[1].price", error.Field);
        Assert.Equal("The shop backend sent an unexpected response: basket.items[1].price: is missing", error.Message);
    }

    [Fact]
    public void AsString_Number_NamesTheFieldAndTheKind()
    {
        var error = Assert.Throws<BackendProtocolException>(() => Root("{\"id\":5}").Required("id").AsString());

        Assert.Contains("id: expected a string, found number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_JsonNull_CountsAsMissing() =>
        Assert.Throws<BackendProtocolException>(() => Root("{\"total\":null}").Required("total"));

    [Theory]
    [InlineData("{\"total\":200.0}", "200.0")]
    [InlineData("{\"total\":\"53.5\"}", "53.5")]
    [InlineData("{\"total\":164}", "164")]
    public void AsMoney_NumberOrString_IsExact(string json, string expected) =>
        Assert.Equal(
            expected,
            Root(json).Required("total").AsMoney(CurrencyCode.Usd).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void AsText_IdSentAsNumber_ReadsAsText() => Assert.Equal("42", Root("{\"id\":42}").Required("id").AsText());

    [Fact]
    public void Optional_OnAnArray_SaysAnObjectWasExpected()
    {
        var error = Assert.Throws<BackendProtocolException>(() => Root("[1]").Optional("x"));

        Assert.Contains("expected an object, found array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadDocumentAsync_InvalidJson_IsAProtocolErrorAboutTheBody()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"completed_at\": 2024-01-01T00:00:00Z}", Encoding.UTF8, "application/json"),
        };

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => response.ReadDocumentAsync("orderflow", CancellationToken.None));

        Assert.Equal("(body)", error.Field);
        Assert.Equal(CommerceErrorCodes.BackendProtocolError, error.Code);
    }

    [Fact]
    public void ThrowIfServerError_503_IsBackendUnavailableWithTheStatus()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var error = Assert.Throws<BackendUnavailableException>(() => response.ThrowIfServerError("shop"));

        Assert.Equal(503, error.StatusCode);
    }
}
