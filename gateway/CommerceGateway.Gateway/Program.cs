var builder = WebApplication.CreateBuilder(args);

builder.AddCommerceGateway();

var app = builder.Build();

app.MapCommerceGateway();

app.Run();

/// <summary>The gateway host; public so in-process tests can start it with WebApplicationFactory.</summary>
public partial class Program;
