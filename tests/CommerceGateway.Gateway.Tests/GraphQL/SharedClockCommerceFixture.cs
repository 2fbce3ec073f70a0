namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A gateway and a sandbox on one fake clock: moving it lapses the backend's seat locks and the gateway's
/// seat holds together, so another cart can take a seat whose hold expired, as in production.
/// </summary>
public sealed class SharedClockCommerceFixture() : FakeClockCommerceFixture(gatewayOnTheClock: true);
