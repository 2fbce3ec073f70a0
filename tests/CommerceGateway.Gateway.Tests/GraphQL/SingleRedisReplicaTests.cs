namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The replica behaviour with both instances on one redis-server.</summary>
public sealed class SingleRedisReplicaTests(ReplicaFixture replicas) : ReplicaTests(replicas), IClassFixture<ReplicaFixture>;
