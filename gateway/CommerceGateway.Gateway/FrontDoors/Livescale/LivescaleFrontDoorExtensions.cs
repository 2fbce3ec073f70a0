using CommerceGateway.Gateway.FrontDoors.Livescale;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Composition of the Livescale front door: a front door beside <c>/graphql</c> over the same checkout services.</summary>
internal static class LivescaleFrontDoorExtensions
{
    /// <summary>Adds the front door's options and services; the checkout core comes with <c>AddCommerceGraphQL</c>.</summary>
    public static IServiceCollection AddLivescaleFrontDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LivescaleFrontDoorOptions>()
            .Bind(configuration.GetSection(LivescaleFrontDoorOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "LivescaleFrontDoor:Audience is required.")
            .Validate(o => o.PaymentWait >= TimeSpan.Zero, "LivescaleFrontDoor:PaymentWait must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LivescaleDocuments>();
        services.TryAddSingleton<LivescaleBaskets>();
        services.TryAddSingleton<LivescalePayments>();
        services.TryAddSingleton<LivescaleOrders>();
        return services;
    }

    /// <summary>Maps <c>/livescale/{channel}/...</c> unless the front door is disabled.</summary>
    public static WebApplication MapLivescaleFrontDoor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<LivescaleFrontDoorOptions>>().Value.Enabled)
        {
            ((IEndpointRouteBuilder)app).MapLivescaleFrontDoor();
        }

        return app;
    }
}
