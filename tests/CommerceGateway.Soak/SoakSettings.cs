namespace CommerceGateway.Soak;

/// <summary>How big and how long a soak is, and which faults it injects.</summary>
/// <param name="Buyers">Simulated buyers running at once; each does one checkout after another.</param>
/// <param name="Duration">How long buyers keep starting checkouts; the run then drains and checks.</param>
/// <param name="KillGateway">Whether one gateway is killed with SIGKILL (at a third of the run) and restarted a sixth of the run (at most 10 s) later.</param>
/// <param name="FailOverRedis">Whether one Redis master is failed over (CLUSTER FAILOVER on its replica, at two thirds).</param>
public sealed record SoakSettings(int Buyers, TimeSpan Duration, bool KillGateway = true, bool FailOverRedis = true)
{
    /// <summary>The benchmark command's defaults: 200 buyers for 2 minutes.</summary>
    public static SoakSettings Full { get; } = new(200, TimeSpan.FromMinutes(2));
}
