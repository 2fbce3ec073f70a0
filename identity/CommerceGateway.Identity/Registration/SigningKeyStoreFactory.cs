using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Registration;

/// <summary>Chooses the default key store: files in the data directory; memory only in Development, and loudly.</summary>
internal static class SigningKeyStoreFactory
{
    public static ISigningKeyStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CommerceGateway.Identity.Keys");
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            var directory = Path.Combine(Path.GetFullPath(options.DataDirectory, environment.ContentRootPath), "keys");
            IdentityLog.FileKeys(logger, directory);
            return new FileSigningKeyStore(directory);
        }

        if (environment.IsDevelopment())
        {
            IdentityLog.EphemeralKeys(logger);
            return new InMemorySigningKeyStore();
        }

        throw new OptionsValidationException(
            IdentityOptions.SectionName,
            typeof(IdentityOptions),
            [$"{IdentityOptions.SectionName}:DataDirectory is required outside Development: signing keys persist there so tokens survive restarts. Set it, or register an {nameof(ISigningKeyStore)} (for example on the shared state store)."]);
    }
}
