using Xunit;

namespace CommerceGateway.Testing;

/// <summary>A Redis the tests start and stop (one server, a cluster or a Sentinel set-up), reached by its connection string.</summary>
public interface IRedisDeployment : IAsyncLifetime, IDisposable
{
    /// <summary>What the gateway's <c>ConnectionStrings:Redis</c> is set to; it alone chooses the topology.</summary>
    string ConnectionString { get; }
}
