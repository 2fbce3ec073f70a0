using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Testing;

/// <summary>The sandbox on a <see cref="FakeTimeProvider"/>: <c>Clock.Advance(...)</c> expires holds and orders.</summary>
public sealed class FakeClockSandboxServer : SandboxServer
{
    /// <summary>The sandbox's clock, starting at a fixed instant.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    /// <inheritdoc />
    public override TimeProvider Time => Clock;
}
