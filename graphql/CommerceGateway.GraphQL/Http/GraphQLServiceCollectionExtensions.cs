using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Http;
using CommerceGateway.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GraphQL engine.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="GraphQLExecutor"/> for the schema <paramref name="schemaFactory"/> builds.
    /// Introspection and exception details default to on in Development only; <paramref name="configure"/> runs after that.
    /// A second call is harmless: the first registration wins.
    /// </summary>
    public static IServiceCollection AddGraphQLServer(
        this IServiceCollection services, Func<IServiceProvider, Schema> schemaFactory, Action<GraphQLOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schemaFactory);
        services.AddOptions<GraphQLOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                var development = provider.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
                options.EnableIntrospection = development;
                options.ExposeExceptionDetails = development;
            })
            .Configure(options => configure?.Invoke(options))
            .Validate(
                options =>
                {
                    options.Validate();
                    return true;
                },
                "GraphQL options are invalid.")
            .ValidateOnStart();
        services.TryAddSingleton(provider => new GraphQLExecutor(
            schemaFactory(provider),
            provider.GetRequiredService<IOptions<GraphQLOptions>>().Value,
            provider.GetService<ILogger<GraphQLExecutor>>()));
        services.TryAddSingleton<GraphQLHttpHandler>();
        return services;
    }

    /// <summary>Registers a <see cref="GraphQLExecutor"/> for an already built schema.</summary>
    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, Schema schema, Action<GraphQLOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return services.AddGraphQLServer(_ => schema, configure);
    }
}
