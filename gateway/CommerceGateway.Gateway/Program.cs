using CommerceGateway.Gateway.Health;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthApi();

app.Run();

/// <summary>The gateway host; public so in-process tests can start it with WebApplicationFactory.</summary>
public partial class Program;
