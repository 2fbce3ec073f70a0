using CommerceGateway.Gateway.Composition;
using CommerceGateway.Identity;
using CommerceGateway.Gateway.Operations.Outages;
using CommerceGateway.Gateway.Security;
using CommerceGateway.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The gateway's composition root: one call adds every part (state store, identity, token validation,
/// sandbox, channels, partner routes, operations), each in its own small step.
/// </summary>
internal static class GatewayBuilderExtensions
{
    /// <summary>Adds every part of the gateway, with options bound from configuration and validated at start-up.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static WebApplicationBuilder AddCommerceGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Kestrel's "Server" header would name our stack on every response, proxied ones included.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.AddProblemDetails();
        // A state-store outage that reaches the exception handler is a 503, not the generic 500.
        services.AddExceptionHandler<OutageExceptionHandler>();
        services.AddHealthChecks();
        services.AddGatewayOptions(configuration);
        services.AddStateStore(configuration);
        services.AddIdentityOnStateStore(configuration);
        services.AddGatewayIdentity(configuration);
        services.AddGatewayTokenValidation(configuration, builder.Environment);
        services.AddSandbox();
        services.AddCommerceChannels(configuration);
        services.AddPartnerRoutes(configuration);
        services.AddGatewayOperations(configuration);
        services.AddCommerceGraphQL(configuration);
        services.AddLivescaleFrontDoor(configuration);
        return builder;
    }

    private static IServiceCollection AddGatewayOptions(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        // The host's drain on SIGTERM: Kestrel stops accepting and lets in-flight requests finish for this long.
        services.AddOptions<HostOptions>().Configure<IOptions<GatewayOptions>>((host, gateway) => host.ShutdownTimeout = gateway.Value.ShutdownTimeout);
        return services;
    }

    /// <summary>
    /// Validates access tokens for GraphQL and partner routes: by default those of the identity service in
    /// this process, from its own signing keys with no HTTP call (so any listen address and any number of
    /// replicas work without reaching the public URL); with <c>Gateway:Authentication:Authority</c> naming
    /// another issuer, that issuer's, from its metadata. The accepted audiences are the union of every
    /// route's; each route's policy then requires its own.
    /// </summary>
    private static IServiceCollection AddGatewayTokenValidation(this IServiceCollection services, ConfigurationManager configuration, IHostEnvironment environment)
    {
        services.AddGatewayJwtBearer(bearer =>
        {
            var gateway = new GatewayOptions();
            configuration.GetSection(GatewayOptions.SectionName).Bind(gateway);
            bearer.Audiences = gateway.Authentication.Audiences.Count > 0
                ? [.. gateway.Authentication.Audiences]
                : [.. GatewayAuthenticationOptions.DefaultAudiences];

            var authority = gateway.Authentication.Authority;
            if (string.IsNullOrWhiteSpace(authority) || IsOwnIssuer(authority, configuration[$"{IdentityOptions.SectionName}:Issuer"]))
            {
                return;
            }

            bearer.Authority = authority;
            // Plain HTTP metadata is acceptable only on this machine or while developing.
            var loopback = Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
            bearer.RequireHttpsMetadata = !loopback && !environment.IsDevelopment();
        });
        return services;
    }

    private static bool IsOwnIssuer(string authority, string? issuer) =>
        !string.IsNullOrWhiteSpace(issuer) && string.Equals(authority.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal);
}
