using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Booking;

public sealed class BookingCatalogAndAuthTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task Token_WrongSecret_IsRefusedAsInvalidClient()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("booking") };

        var (status, body) = await BookingApi.SendAsync(http, HttpMethod.Post, "oauth/token", [new("grant_type", "client_credentials"), new("client_id", "gateway"), new("client_secret", "wrong")]);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task EventsSearch_WithoutBearerToken_IsRefusedWithJsonError()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("booking") };

        var (status, body) = await BookingApi.SendAsync(http, HttpMethod.Get, "events/search");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHORIZED", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task EventsSearch_Seeded_ListsTheEventWithTwoSessionsAndTwoRates()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);

        var (status, page) = await api.GetAsync("events/search");

        Assert.Equal(HttpStatusCode.OK, status);
        var listing = Assert.Single(page.GetProperty("data").EnumerateArray());
        var sessions = listing.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal([2001L, 2002L], sessions.Select(s => s.GetProperty("id").GetInt64()));
        Assert.All(sessions, s => Assert.Equal(2, s.GetProperty("rates").GetArrayLength()));
        Assert.Equal(30.00m, sessions[0].GetProperty("rates")[0].GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task SeatMap_Seeded_ShowsSoldAndFreeSeats()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);

        var (status, map) = await api.GetAsync("session/2002/seatMap");

        Assert.Equal(HttpStatusCode.OK, status);
        var seats = map.GetProperty("seats").EnumerateArray().ToList();
        Assert.InRange(seats.Count, 20, 40);
        Assert.Equal(4, seats.Count(s => s.GetProperty("status").GetString() == "SOLD"));
        Assert.Equal("FREE", await api.SeatStatusAsync(2002, 200201));
    }

    [Fact]
    public async Task SessionInfo_UnknownSession_IsNotFound()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);

        var (status, body) = await api.GetAsync("session/9999/info");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("SESSION_NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AddSeats_JsonBody_IsRefusedAsUnsupportedMediaType()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("booking") };
        var token = await api.NewCartAsync();
        var (_, tokenAnswer) = await BookingApi.SendAsync(http, HttpMethod.Post, "oauth/token", [new("grant_type", "client_credentials"), new("client_id", "gateway"), new("client_secret", "gateway-secret")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("shoppingCart/addSeats", UriKind.Relative))
        {
            Content = new StringContent($"{{\"token\":\"{token}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokenAnswer.GetProperty("access_token").GetString());

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
