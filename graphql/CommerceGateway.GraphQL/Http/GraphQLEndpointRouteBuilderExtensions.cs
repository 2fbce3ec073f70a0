using CommerceGateway.GraphQL.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves GraphQL at <paramref name="pattern"/>: POST (application/json) for every operation, GET for
    /// queries. Other methods get 405. Call <c>AddGraphQLServer</c> first.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetService<GraphQLHttpHandler>()
            ?? throw new InvalidOperationException("Call services.AddGraphQLServer(...) before app.MapGraphQL().");
        return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
