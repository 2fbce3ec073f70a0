using CommerceGateway.Identity.Keys;
using Microsoft.Extensions.Hosting;

namespace CommerceGateway.Identity.Registration;

/// <summary>
/// Loads (or creates) the signing keys at start-up, so a corrupt key stops the host at once; a key store
/// that cannot be reached yet is only logged (see <see cref="SigningKeyManager.PreloadAsync"/>).
/// </summary>
internal sealed class SigningKeyInitializer : IHostedService
{
    private readonly SigningKeyManager _keys;

    public SigningKeyInitializer(SigningKeyManager keys) => _keys = keys;

    public Task StartAsync(CancellationToken cancellationToken) => _keys.PreloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
