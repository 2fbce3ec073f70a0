using System.Diagnostics;
using System.Text.Json;
using CommerceGateway.GraphQL.Types;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// The Node reference (node/server.mjs: graphql-http's handler on node:http with graphql-js), fed the
/// SDL our exporter prints for the same schema and the same cart as JSON. It listens on 127.0.0.1 only,
/// exits when its stdin closes (so it dies with us) and after a deadline in any case.
/// </summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly string _workDirectory;

    private NodeServer(Process process, string workDirectory, Uri url, string versions)
    {
        _process = process;
        _workDirectory = workDirectory;
        Url = url;
        Versions = versions;
    }

    public Uri Url { get; }

    /// <summary>CPU time (user + system) the node process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>node, graphql and graphql-http versions, for the record.</summary>
    public string Versions { get; }

    public static string ProjectDirectory => RepositoryLayout.PathOf("tests", "CommerceGateway.Benchmarks", "GraphQL", "node");

    public static async Task<NodeServer> StartAsync(Schema schema, TimeSpan maxLifetime)
    {
        var node = await EnsurePackagesAsync();
        var work = Directory.CreateTempSubdirectory("gql-bench-node-").FullName;
        var sdlFile = Path.Combine(work, "schema.graphql");
        var dataFile = Path.Combine(work, "cart.json");
        await File.WriteAllTextAsync(sdlFile, schema.ToSdl());
        await File.WriteAllTextAsync(dataFile, JsonSerializer.Serialize(CheckoutData.Cart, DataJson));

        var info = new ProcessStartInfo(node)
        {
            WorkingDirectory = ProjectDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("server.mjs");
        info.ArgumentList.Add(sdlFile);
        info.ArgumentList.Add(dataFile);
        info.ArgumentList.Add(((int)maxLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.Environment["NODE_ENV"] = "production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"node server.mjs did not start: {line}\n{await stderr}");
        }

        var versions = await VersionsAsync(node);
        return new NodeServer(process, work, new Uri($"http://127.0.0.1:{line["listening ".Length..]}/graphql"), versions);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Directory.Delete(_workDirectory, recursive: true);
    }

    /// <summary>node from PATH, and the committed npm project installed with npm ci when it is not yet.</summary>
    private static async Task<string> EnsurePackagesAsync()
    {
        var node = ToolPath.Find("node") ?? throw new InvalidOperationException(
            "node was not found on PATH. Install Node.js 20+ (Debian: apt-get install nodejs npm) or run ./test.sh, which installs it.");
        var installed = Path.Combine(ProjectDirectory, "node_modules", ".package-lock.json");
        if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(Path.Combine(ProjectDirectory, "package-lock.json")))
        {
            var npm = ToolPath.Find("npm") ?? throw new InvalidOperationException("npm was not found on PATH (Debian: apt-get install npm).");
            Console.WriteLine($"Installing the Node server's packages: npm ci in {ProjectDirectory}");
            var result = await ExternalProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ProjectDirectory, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {ProjectDirectory}.\n{result}");
            }
        }

        return node;
    }

    private static async Task<string> VersionsAsync(string node)
    {
        const string Script = "const r = (p) => JSON.parse(require('fs').readFileSync(p, 'utf8')).version;"
            + "console.log(`node ${process.version}, graphql ${r('node_modules/graphql/package.json')}, graphql-http ${r('node_modules/graphql-http/package.json')}`)";
        var result = await ExternalProcess.RunAsync(node, ["-e", Script], ProjectDirectory, timeout: TimeSpan.FromSeconds(30));
        return result.StandardOutput.Trim();
    }
}
