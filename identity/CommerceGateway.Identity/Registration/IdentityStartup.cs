using CommerceGateway.Identity.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Identity;

/// <summary>What a host can run of identity's start-up itself, before the host starts.</summary>
public static class IdentityStartup
{
    /// <summary>
    /// Loads (or creates) the signing keys now, as the hosted service registered by
    /// <c>AddGatewayIdentity</c> does when the host starts (which then finds them loaded). A host that
    /// calls it first can report a corrupt key file as one line, before the host logs the failure with a
    /// stack trace. A key store that cannot be reached yet (Redis still starting) is logged and not
    /// thrown: the keys then load on first use. Does nothing when identity is not registered.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>A task that completes once the keys are loaded.</returns>
    /// <exception cref="InvalidDataException">A key file or the key document is corrupt.</exception>
    public static async Task LoadSigningKeysAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<SigningKeyManager>() is { } keys)
        {
            await keys.PreloadAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
