using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Gateway.Composition;
using CommerceGateway.Gateway.Operations;
using CommerceGateway.Gateway.Operations.Logging;
using CommerceGateway.Gateway.Operations.Metrics;
using CommerceGateway.Gateway.Operations.OpenApi;
using CommerceGateway.Gateway.Operations.Readiness;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Operations of the gateway host: readiness checks, metrics with a Prometheus endpoint and traces
/// (OpenTelemetry), log redaction and the OpenAPI document. One call each from the composition root
/// and the pipeline.
/// </summary>
internal static class OperationsExtensions
{
    /// <summary>
    /// Adds the operations services. Call last in the composition root: it wraps the seat-hold store
    /// registered before it.
    /// </summary>
    public static IServiceCollection AddGatewayOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayMetricsOptions>().Bind(configuration.GetSection(GatewayMetricsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayMetricsOptions>, GatewayMetricsOptionsValidator>());
        services.AddOptions<GatewayOpenApiOptions>().Bind(configuration.GetSection(GatewayOpenApiOptions.SectionName)).ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        DecorateSeatHolds(services);
        services.AddGatewayTelemetry(configuration);

        services.AddHealthChecks()
            .AddCheck<StateStoreHealthCheck>(StateStoreHealthCheck.Name, tags: ["ready"])
            .AddCheck<SigningKeysHealthCheck>(SigningKeysHealthCheck.Name, tags: ["ready"])
            .AddCheck<ChannelCircuitsHealthCheck>(ChannelCircuitsHealthCheck.Name, tags: ["ready"]);

        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, RedactingLoggerFactory>());
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<ICorrelationIdSource, HttpContextCorrelationIdSource>());

        services.AddOpenApi(GatewayOpenApiOptions.DocumentName, openApi =>
        {
            openApi.ShouldInclude = description => !IsSandbox(description.RelativePath, configuration);
            openApi.AddDocumentTransformer<OperationsDocumentTransformer>();
            openApi.AddDocumentTransformer<PartnerRoutesDocumentTransformer>();
            openApi.AddDocumentTransformer<IdentityDocumentTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>/metrics</c> and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication UseGatewayOperations(this WebApplication app)
    {
        app.MapMetricsEndpoint();
        if (app.Services.GetRequiredService<IOptions<GatewayOpenApiOptions>>().Value.Enabled)
        {
            app.MapOpenApi();
        }

        return app;
    }

    private static void DecorateSeatHolds(IServiceCollection services)
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(ISeatHoldStore))
        {
            index--;
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Singleton<ISeatHoldStore>(sp =>
            new MeteredSeatHoldStore(Create<ISeatHoldStore>(sp, original), sp.GetRequiredService<GatewayMetrics>()));
    }

    private static T Create<T>(IServiceProvider services, ServiceDescriptor descriptor) => (T)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private static bool IsSandbox(string? relativePath, IConfiguration configuration)
    {
        var sandbox = new GatewaySandboxOptions();
        configuration.GetSection($"{GatewayOptions.SectionName}:Sandbox").Bind(sandbox);
        var prefix = sandbox.Path.Trim('/');
        return relativePath is not null && prefix.Length > 0
            && (relativePath.Equals(prefix, StringComparison.OrdinalIgnoreCase) || relativePath.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
    }
}
