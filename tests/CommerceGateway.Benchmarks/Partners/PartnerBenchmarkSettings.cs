namespace CommerceGateway.Benchmarks.Partners;

/// <summary>The knobs of one partner-route benchmark run, from the command line.</summary>
internal sealed record PartnerBenchmarkSettings(int Threads, int Connections, TimeSpan Duration, int Rounds, TimeSpan RateDuration, bool Redis, string Algorithm)
{
    public static PartnerBenchmarkSettings From(BenchmarkArguments arguments) => new(
        arguments.Int("threads", 2, 1, 64),
        arguments.Int("connections", 32, 1, 1024),
        TimeSpan.FromSeconds(arguments.Int("seconds", 10, 1, 60)),
        arguments.Int("rounds", 3, 1, 10),
        TimeSpan.FromSeconds(arguments.Int("rate-seconds", 10, 1, 60)),
        arguments.Flag("redis"),
        arguments.Text("algorithm", "ES256", ["ES256", "RS256"]));

    public string CommandLine(bool record)
    {
        var defaults = new PartnerBenchmarkSettings(2, 32, TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(10), false, "ES256");
        var options = new List<string>();
        if (Threads != defaults.Threads) { options.Add($"--threads {Threads}"); }
        if (Connections != defaults.Connections) { options.Add($"--connections {Connections}"); }
        if (Duration != defaults.Duration) { options.Add($"--seconds {Duration.TotalSeconds:0}"); }
        if (Rounds != defaults.Rounds) { options.Add($"--rounds {Rounds}"); }
        if (RateDuration != defaults.RateDuration) { options.Add($"--rate-seconds {RateDuration.TotalSeconds:0}"); }
        if (Redis) { options.Add("--redis"); }
        if (Algorithm != defaults.Algorithm) { options.Add($"--algorithm {Algorithm}"); }
        if (record) { options.Add("--record"); }
        return string.Join(' ', ["dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- partners", .. options]);
    }
}
