using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Two gateway instances on a real six-node Redis Cluster and one sandbox: the set-up in which every seat hold used to fail.</summary>
public sealed class ClusterReplicaFixture() : GatewayReplicasFixture<RedisCluster>("cluster-replicas:");
