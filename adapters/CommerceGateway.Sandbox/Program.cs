using CommerceGateway.Sandbox.Hosting;

namespace CommerceGateway.Sandbox;

/// <summary>Standalone host of the sandbox backends (the gateway also hosts them in-process).</summary>
public static class Program
{
    /// <summary>Starts the sandbox; each protocol is served under its own path prefix.</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox();
        var app = builder.Build();
        app.MapSandbox();
        app.Run();
    }
}
