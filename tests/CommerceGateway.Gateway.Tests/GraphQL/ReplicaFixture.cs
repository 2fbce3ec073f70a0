using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Two gateway instances sharing one real redis-server and one sandbox, as two replicas behind a load balancer.</summary>
public sealed class ReplicaFixture() : GatewayReplicasFixture<RedisServer>("replicas:");
