using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Gives token validation (OpenIddict's, through <see cref="ConfigurationBridge"/>, and IdentityModel's) the issuer and verification keys of the identity service in this process straight
/// from its <see cref="SigningKeyManager"/>: no HTTP call to our own metadata or JWKS, and a successor
/// key is accepted from the moment the manager publishes it (on the injected clock, not the wall clock).
/// </summary>
/// <remarks>
/// One configuration object per key set: the token handler retries a failed signature check only
/// when the configuration it gets after <see cref="RequestRefresh"/> is a different object.
/// </remarks>
internal sealed class LocalIssuerConfigurationManager : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly SigningKeyManager _keys;
    private readonly IdentityIssuer _issuer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private volatile Snapshot? _snapshot;
    private long _lastRefreshRequestTicks = long.MinValue;

    public LocalIssuerConfigurationManager(SigningKeyManager keys, IdentityIssuer issuer, TimeProvider time, TimeSpan refreshInterval)
    {
        _keys = keys;
        _issuer = issuer;
        _time = time;
        _refreshInterval = refreshInterval;
        // Last-known-good fallbacks exist for remote metadata that may be briefly wrong; ours cannot be.
        UseLastKnownGoodConfiguration = false;
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel).ConfigureAwait(false);

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) =>
        await ConfigurationForAsync(await _keys.GetKeySetAsync(cancel).ConfigureAwait(false), cancel).ConfigureAwait(false);

    /// <summary>
    /// The same configuration, without a task when the key set is still fresh and unchanged: the
    /// validated-ticket cache asks for it on every request.
    /// </summary>
    public ValueTask<OpenIdConnectConfiguration> GetCurrentAsync(CancellationToken cancel)
    {
        var pending = _keys.GetKeySetAsync(cancel);
        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitedAsync(pending.AsTask(), cancel);
        }

        var keySet = pending.Result;
        return _snapshot is { } snapshot && ReferenceEquals(snapshot.Keys, keySet)
            ? ValueTask.FromResult(snapshot.Configuration)
            : ConfigurationForAsync(keySet, cancel);

        async ValueTask<OpenIdConnectConfiguration> AwaitedAsync(Task<SigningKeySet> keys, CancellationToken cancel) =>
            await ConfigurationForAsync(await keys.ConfigureAwait(false), cancel).ConfigureAwait(false);
    }

    private async ValueTask<OpenIdConnectConfiguration> ConfigurationForAsync(SigningKeySet keySet, CancellationToken cancel)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && ReferenceEquals(snapshot.Keys, keySet))
        {
            return snapshot.Configuration;
        }

        var configuration = new OpenIdConnectConfiguration { Issuer = await _issuer.GetAsync(cancel).ConfigureAwait(false) };
        foreach (var key in keySet.ValidationKeys)
        {
            configuration.SigningKeys.Add(key);
        }

        _snapshot = new Snapshot(keySet, configuration);
        return configuration;
    }

    /// <summary>
    /// Called for a token whose <c>kid</c> is unknown: the key store is read again, at most once per
    /// refresh interval so that made-up <c>kid</c>s cannot turn every request into a store read.
    /// </summary>
    public override void RequestRefresh()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastRefreshRequestTicks);
        if ((last == long.MinValue || now - last >= _refreshInterval.Ticks)
            && Interlocked.CompareExchange(ref _lastRefreshRequestTicks, now, last) == last)
        {
            _keys.RequestRefresh();
        }
    }

    private sealed record Snapshot(SigningKeySet Keys, OpenIdConnectConfiguration Configuration);
}
