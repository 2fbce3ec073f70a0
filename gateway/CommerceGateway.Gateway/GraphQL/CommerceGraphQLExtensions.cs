using System.Threading.RateLimiting;
using CommerceGateway.Gateway.GraphQL;
using CommerceGateway.GraphQL.Commerce;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The commerce GraphQL API: the checkout orchestration, the unified schema and <c>/graphql</c>.</summary>
internal static class CommerceGraphQLExtensions
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/graphql";

    private const string KeyRateLimitPolicy = "storefront-key";

    /// <summary>Adds the checkout service, the schema, access by bearer token or publishable key, and the key rate limit.</summary>
    public static IServiceCollection AddCommerceGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckout(configuration);
        services.AddOptions<CommerceGraphQLOptions>()
            .Bind(configuration.GetSection(CommerceGraphQLOptions.SectionName))
            .Validate(o => o.PublishableKeyPermitLimit > 0, "GraphQL:PublishableKeyPermitLimit must be positive.")
            .Validate(o => o.PublishableKeyWindow > TimeSpan.Zero, "GraphQL:PublishableKeyWindow must be positive.")
            .Validate(o => o.PublishableKeys.All(k => k.Key.Length >= 16 && !string.IsNullOrWhiteSpace(k.Value)), "GraphQL:PublishableKeys: each key is at least 16 characters and names its client.")
            .ValidateOnStart();
        services.TryAddScoped<CommerceCaller>();
        services.AddGraphQLServer(_ => CommerceSchema.Create());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(KeyRateLimitPolicy, PartitionByKey);
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionByKey(HttpContext context)
    {
        // Bearer callers are accounted by the identity service's clients; publishable keys are public, so each is limited.
        if (context.Request.Headers.Authorization.Count > 0 || !context.Request.Headers.TryGetValue(CommerceGraphQLAccess.KeyHeader, out var key))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CommerceGraphQLOptions>>().CurrentValue;
        return RateLimitPartition.GetFixedWindowLimiter(key.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PublishableKeyPermitLimit,
            Window = options.PublishableKeyWindow,
            QueueLimit = 0,
        });
    }

    /// <summary>Maps <c>/graphql</c> behind the credential check.</summary>
    public static WebApplication MapCommerceGraphQL(this WebApplication app)
    {
        var endpoint = app.MapGraphQL(Path).RequireRateLimiting(KeyRateLimitPolicy);
        endpoint.Add(builder =>
        {
            var engine = builder.RequestDelegate!;
            builder.RequestDelegate = context => CommerceGraphQLAccess.HandleAsync(context, engine);
        });
        return app;
    }
}
