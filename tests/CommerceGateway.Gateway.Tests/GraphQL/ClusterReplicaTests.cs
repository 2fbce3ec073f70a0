namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The replica behaviour with both instances on a Redis Cluster (three masters, three replicas).</summary>
public sealed class ClusterReplicaTests(ClusterReplicaFixture replicas) : ReplicaTests(replicas), IClassFixture<ClusterReplicaFixture>;
