using CommerceGateway.Identity.Keys;
using Microsoft.Extensions.Hosting;

namespace CommerceGateway.Identity.Registration;

/// <summary>Loads (or creates) the signing keys at start-up, so a missing or broken key store stops the host at once.</summary>
internal sealed class SigningKeyInitializer : IHostedService
{
    private readonly SigningKeyManager _keys;

    public SigningKeyInitializer(SigningKeyManager keys) => _keys = keys;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await _keys.GetKeySetAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
