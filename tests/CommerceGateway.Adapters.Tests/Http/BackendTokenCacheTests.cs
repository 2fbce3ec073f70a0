using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Adapters.Tests.Http;

public sealed class BackendTokenCacheTests
{
    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneFetch()
    {
        using var cache = new BackendTokenCache(new FakeTimeProvider());
        var fetches = 0;
        async Task<(string, TimeSpan)> Fetch(CancellationToken ct)
        {
            Interlocked.Increment(ref fetches);
            await Task.Delay(50, ct);
            return ("token-1", TimeSpan.FromHours(1));
        }

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(Fetch, CancellationToken.None)));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task GetAsync_NearExpiry_FetchesANewToken()
    {
        var time = new FakeTimeProvider();
        using var cache = new BackendTokenCache(time);
        var issued = 0;
        Task<(string, TimeSpan)> Fetch(CancellationToken ct) => Task.FromResult(($"token-{++issued}", TimeSpan.FromMinutes(10)));

        var first = await cache.GetAsync(Fetch, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        var stillFirst = await cache.GetAsync(Fetch, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        var second = await cache.GetAsync(Fetch, CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillFirst);
        Assert.Equal("token-2", second);
    }

    [Fact]
    public async Task Invalidate_AfterA401_ForcesANewToken()
    {
        using var cache = new BackendTokenCache(new FakeTimeProvider());
        var issued = 0;
        Task<(string, TimeSpan)> Fetch(CancellationToken ct) => Task.FromResult(($"token-{++issued}", TimeSpan.FromHours(1)));
        var rejected = await cache.GetAsync(Fetch, CancellationToken.None);

        cache.Invalidate(rejected);

        Assert.Equal("token-2", await cache.GetAsync(Fetch, CancellationToken.None));
    }
}
