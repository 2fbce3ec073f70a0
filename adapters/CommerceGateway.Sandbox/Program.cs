namespace CommerceGateway.Sandbox;

/// <summary>Standalone host of the sandbox backends (the gateway also hosts them in-process).</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => TypedResults.Ok(new { service = "CommerceGateway.Sandbox" }));
        app.Run();
    }
}
