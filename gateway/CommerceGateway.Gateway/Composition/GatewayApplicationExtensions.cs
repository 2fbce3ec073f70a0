using CommerceGateway.Gateway.Composition;
using CommerceGateway.Gateway.Health;
using CommerceGateway.Gateway.Ide;
using CommerceGateway.Gateway.Operations;
using CommerceGateway.Gateway.Partners;
using CommerceGateway.Sandbox.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The gateway's request pipeline and endpoints, in the order they must run.</summary>
internal static class GatewayApplicationExtensions
{
    /// <summary>Adds the middleware and maps every endpoint of the gateway.</summary>
    /// <param name="app">The built application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static WebApplication MapCommerceGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;

        app.UseCorrelationId();
        app.UseGatewayOperations();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (options.GraphiQL.Enabled)
        {
            app.UseGraphiQL();
        }

        // A partner route is never an identity endpoint: it skips OpenIddict's per-request transactions.
        app.UseGatewayAuthentication(PartnerRoutes.IsPartnerRoute);
        app.UseAuthorization();
        // After authorization: timeouts and rate limits apply to callers we know, per client id.
        app.UseRequestTimeouts();
        app.UseRateLimiter();

        app.MapHealthApi();
        app.MapGatewayIdentity();
        if (options.Sandbox.Enabled)
        {
            app.MapSandbox(options.Sandbox.Path);
        }

        app.MapPartnerRoutes();
        app.MapCommerceGraphQL();
        app.MapLivescaleFrontDoor();

        return app;
    }
}
