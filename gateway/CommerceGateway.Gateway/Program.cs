using CommerceGateway.Gateway.Composition;
using CommerceGateway.Identity;

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
try
{
    builder.AddCommerceGateway();
    app = builder.Build();
    StartupConfigurationErrors.ValidateBeforeStart(app.Services);
    await app.Services.LoadSigningKeysAsync();
    app.MapCommerceGateway();
}
catch (Exception exception) when (StartupConfigurationErrors.OwnsProcess && StartupConfigurationErrors.From(exception) is { Count: > 0 } failures)
{
    StartupConfigurationErrors.Write(failures, Console.Error);
    return StartupConfigurationErrors.ExitCode;
}

app.Run();
return 0;

/// <summary>The gateway host; public so in-process tests can start it with WebApplicationFactory.</summary>
public partial class Program;
