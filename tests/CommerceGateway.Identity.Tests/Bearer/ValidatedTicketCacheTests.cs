using System.Security.Claims;
using CommerceGateway.Identity.Bearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Identity.Tests.Bearer;

public sealed class ValidatedTicketCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_BeforeTheTokensExp_ReturnsTheRememberedTicket()
    {
        var cache = new ValidatedTicketCache(_time, 10);
        var ticket = Ticket(_time.GetUtcNow().AddMinutes(5));
        cache.Remember("token-a", ticket);

        Assert.True(cache.TryGet("token-a", out var found));
        Assert.Same(ticket, found);
    }

    [Fact]
    public void TryGet_AtTheTokensExp_MissesAndForgetsTheEntry()
    {
        var cache = new ValidatedTicketCache(_time, 10);
        cache.Remember("token-a", Ticket(_time.GetUtcNow().AddMinutes(5)));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(cache.TryGet("token-a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_TokenCharactersInsideTheAuthorizationHeader_FindTheTokenRememberedAsAString()
    {
        var cache = new ValidatedTicketCache(_time, 10);
        cache.Remember("token-a", Ticket(_time.GetUtcNow().AddMinutes(5)));
        const string Header = "Bearer token-a";

        Assert.True(cache.TryGet(Header.AsSpan(7), out _));
        Assert.False(cache.TryGet(Header.AsSpan(7, 6), out _));
    }

    [Fact]
    public void Remember_TokenAlreadyPastItsExp_IsNotKept()
    {
        var cache = new ValidatedTicketCache(_time, 10);

        cache.Remember("token-a", Ticket(_time.GetUtcNow()));

        Assert.False(cache.TryGet("token-a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Remember_CapacityZero_KeepsNothing()
    {
        var cache = new ValidatedTicketCache(_time, 0);

        cache.Remember("token-a", Ticket(_time.GetUtcNow().AddMinutes(5)));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Remember_FullOfLiveTokens_NeverHoldsMoreThanItsCapacity()
    {
        var cache = new ValidatedTicketCache(_time, 3);

        for (var i = 0; i < 10; i++)
        {
            cache.Remember($"token-{i}", Ticket(_time.GetUtcNow().AddMinutes(5)));
            Assert.InRange(cache.Count, 1, 3);
        }

        Assert.True(cache.TryGet("token-9", out _));
    }

    [Fact]
    public void Remember_FullWithExpiredTokens_DropsThoseAndKeepsTheLiveOnes()
    {
        var cache = new ValidatedTicketCache(_time, 2);
        cache.Remember("short", Ticket(_time.GetUtcNow().AddMinutes(1)));
        cache.Remember("long", Ticket(_time.GetUtcNow().AddMinutes(10)));
        _time.Advance(TimeSpan.FromMinutes(2));

        cache.Remember("new", Ticket(_time.GetUtcNow().AddMinutes(10)));

        Assert.True(cache.TryGet("long", out _));
        Assert.True(cache.TryGet("new", out _));
        Assert.False(cache.TryGet("short", out _));
    }

    [Fact]
    public void Forget_RememberedToken_IsMissedAfterwards()
    {
        var cache = new ValidatedTicketCache(_time, 10);
        cache.Remember("token-a", Ticket(_time.GetUtcNow().AddMinutes(5)));

        cache.Forget("token-a");

        Assert.False(cache.TryGet("token-a", out _));
    }

    private static ValidatedTicket Ticket(DateTimeOffset expires) =>
        new(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), "test"), expires, "kid-1", Guid.NewGuid().ToString());
}
