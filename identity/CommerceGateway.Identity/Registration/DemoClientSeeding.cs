using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Registration;

/// <summary>Adds the demo clients in Development only, unless turned off or configured explicitly.</summary>
internal sealed class DemoClientSeeding : IPostConfigureOptions<IdentityOptions>
{
    private readonly IHostEnvironment _environment;

    public DemoClientSeeding(IHostEnvironment environment) => _environment = environment;

    public void PostConfigure(string? name, IdentityOptions options)
    {
        if (_environment.IsDevelopment() && options.SeedDemoClientsInDevelopment)
        {
            DemoClients.AddTo(options);
        }
    }
}
