using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// The Kestrel host of a server the benchmark runs in a child process of its own binary (the
/// upstream, bare YARP): loopback only, no logging, no Server header, and gone with its parent.
/// </summary>
internal static class ChildHost
{
    // A child left behind by a killed benchmark still stops on its own.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(30);

    public static WebApplicationBuilder CreateBuilder(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        return builder;
    }

    /// <summary>Serves until SIGTERM, until standard input closes (the parent died) or until the lifetime passes.</summary>
    public static async Task<int> ServeAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync();
        var parentGone = Task.Run(() => Console.In.ReadToEnd());
        await Task.WhenAny(parentGone, Task.Delay(Timeout.Infinite, app.Lifetime.ApplicationStopping).ContinueWith(static _ => { }, TaskScheduler.Default), Task.Delay(MaxLifetime));
        await app.StopAsync();
        return 0;
    }
}
