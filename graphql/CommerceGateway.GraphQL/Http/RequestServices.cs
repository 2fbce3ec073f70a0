using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.GraphQL.Http;

/// <summary>
/// The request's services as resolvers see them, created on first use: asking
/// <see cref="HttpContext.RequestServices"/> creates (and later disposes) a DI scope, which a
/// request whose resolvers never ask for a service does not need to pay for.
/// </summary>
internal sealed class RequestServices(HttpContext context) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType) => context.RequestServices.GetService(serviceType);

    public object GetRequiredService(Type serviceType) => context.RequestServices.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) =>
        context.RequestServices is IKeyedServiceProvider keyed
            ? keyed.GetKeyedService(serviceType, serviceKey)
            : throw new InvalidOperationException("The request's service provider does not support keyed services.");

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        context.RequestServices is IKeyedServiceProvider keyed
            ? keyed.GetRequiredKeyedService(serviceType, serviceKey)
            : throw new InvalidOperationException("The request's service provider does not support keyed services.");
}
