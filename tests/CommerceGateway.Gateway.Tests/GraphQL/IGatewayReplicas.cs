namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Two gateway instances on one shared state store, as two replicas behind a load balancer.</summary>
public interface IGatewayReplicas
{
    CommerceGatewayHost First { get; }

    CommerceGatewayHost Second { get; }
}
