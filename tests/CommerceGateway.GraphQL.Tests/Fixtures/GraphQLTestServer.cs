using System.Net;
using System.Net.Sockets;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.GraphQL.Tests.Fixtures;

/// <summary>Our endpoint on Kestrel, on a free loopback port, for HTTP tests and the external audits.</summary>
public sealed class GraphQLTestServer : IAsyncLifetime
{
    private readonly Schema _schema;
    private readonly Action<GraphQLOptions>? _configure;
    private WebApplication? _app;

    public GraphQLTestServer()
        : this(PetSchema.Create(), o => o.EnableIntrospection = true)
    {
    }

    internal GraphQLTestServer(Schema schema, Action<GraphQLOptions>? configure)
    {
        _schema = schema;
        _configure = configure;
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddGraphQLServer(_schema, _configure);
        _app = builder.Build();
        _app.MapGraphQL();
        await _app.StartAsync();
        Url = new Uri($"http://127.0.0.1:{port}/graphql");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
