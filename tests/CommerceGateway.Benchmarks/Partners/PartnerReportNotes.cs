using System.Text;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>The fixed prose of the partner-route section: how it is measured and why these references.</summary>
internal static class PartnerReportNotes
{
    public static void Append(StringBuilder text)
    {
        text.AppendLine("How: the upstream is a minimal Kestrel app (its own process) answering every GET with the same");
        text.AppendLine($"{BenchUpstream.Body.Length}-byte JSON body, so the cost of a proxy hop is not hidden behind upstream work. The gateway is");
        text.AppendLine("its Release build run with `dotnet` as a child process from its own output folder (as the container");
        text.AppendLine("image runs it, so appsettings.json and appsettings.Production.json apply) in the Production");
        text.AppendLine("environment (logging at Warning, settings from environment variables as in a deployment) with one partner route");
        text.AppendLine("`/partners/bench/{**rest}` to the upstream; the token comes from the gateway's own `/oauth/token`");
        text.AppendLine("for a client configured with a hashed random secret; the per-client limit is raised to 10^8 per");
        text.AppendLine("second so it never throttles, but the limiter still runs on every request. nginx runs from a");
        text.AppendLine("generated config in a temp folder (`daemon off`, `master_process on`, `worker_processes auto` =");
        text.AppendLine("one worker per core, the same CPUs the gateway's thread pool may use; `keepalive 64` to the");
        text.AppendLine("upstream; access log off) and swaps the caller's Authorization for the upstream credential as the");
        text.AppendLine("gateway does. Bare YARP is the gateway's YARP version alone in its own process (Server GC, as the");
        text.AppendLine("gateway): one route, the same credential swap, no authentication, authorization, rate limiter,");
        text.AppendLine("timeouts, metrics or correlation id; it shows what the platform's proxy hop costs here. All four");
        text.AppendLine("paths get the same request bytes, bearer token included, and reach the same upstream path.");
        text.AppendLine("Debian has no `wrk2`, so the fixed-rate latency comes from the benchmark's own");
        text.AppendLine("open-loop generator: one thread releases request i at start + i/rate (sub-millisecond sleeps),");
        text.AppendLine("a fixed pool of keep-alive connections sends them over raw sockets, and latency is measured from the");
        text.AppendLine("intended send time, so a request that waited for a free connection behind a slow answer counts");
        text.AppendLine("(no coordinated omission). The send-delay column is that wait plus the generator's own lateness,");
        text.AppendLine("the floor every path shares.");
        text.AppendLine();
        text.AppendLine("Why these references: the direct call is the ceiling a proxy hop can only lower, measured with the");
        text.AppendLine("same tool in the same run; YARP's own published proxied/direct ratios (0.29 to 0.51) show what a");
        text.AppendLine(".NET proxy hop typically costs, and nginx is the common reverse-proxy peer, measured on the same");
        text.AppendLine("upstream in the same run. nginx does less per request than the gateway: no JWT signature check");
        text.AppendLine("(ES256), no scope check, no rate limiter, no correlation id, so matching it is a demanding target.");
        text.AppendLine("Everything (load tools, proxies, upstream) shares the same two cores and the machine is shared with");
        text.AppendLine("other builds, so absolute numbers move from run to run: only the same-run ratios and differences");
        text.AppendLine("are meant to be compared.");
    }
}
