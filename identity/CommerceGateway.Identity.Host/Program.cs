using Microsoft.Extensions.Configuration.Memory;

namespace CommerceGateway.Identity.Host;

/// <summary>
/// The identity service on its own: <c>dotnet run --project identity/CommerceGateway.Identity.Host</c>
/// serves the token, metadata, JWKS, introspection and revocation endpoints; <c>-- hash-secret</c> prints
/// the hash to configure for a new client secret.
/// </summary>
public static class Program
{
    /// <summary>Where Development listens (and so its issuer) when nothing else is configured.</summary>
    public const string DevelopmentUrl = "http://127.0.0.1:5090";

    /// <summary>Runs the service, or the <c>hash-secret</c> command.</summary>
    /// <param name="args">Command-line arguments: <c>hash-secret [secret]</c>, or host settings such as <c>--urls</c>.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == HashSecretCommand.Name)
        {
            return await HashSecretCommand.RunAsync(args[1..], Console.In, Console.IsInputRedirected, Console.Out, Console.Error).ConfigureAwait(false);
        }

        await using var app = CreateApplication(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Builds the service. Settings come, lowest first, from the defaults in code, an optional
    /// <c>identity.settings.json</c> beside the content root, environment variables (<c>Identity__Issuer</c>)
    /// and the command line. Development listens on <see cref="DevelopmentUrl"/> with the demo clients, and
    /// without <c>Identity:Issuer</c> is the issuer at the address it listens on.
    /// </summary>
    /// <param name="args">Host settings, such as <c>--urls</c> or <c>--Identity:Issuer</c>.</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication CreateApplication(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["AllowedHosts"] = "*",
        };
        if (builder.Environment.IsDevelopment())
        {
            // No issuer default: Development is the issuer at whatever address it listens on.
            defaults["Urls"] = DevelopmentUrl;
        }

        // Lowest precedence: appsettings-style sources, environment variables and arguments override these.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        builder.Configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "identity.settings.json",
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(builder.Environment.ContentRootPath),
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddGatewayIdentity(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapGatewayIdentity();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
