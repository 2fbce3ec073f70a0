using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace CommerceGateway.Identity;

/// <summary>
/// The address this server listens on, read from the server once it has started, so that
/// <c>--urls http://127.0.0.1:5700</c>, <c>ASPNETCORE_URLS</c> or a port 0 bind all give the address
/// that really answers. It is the first <c>http</c> address the server reports (else the first one),
/// with a wildcard host (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) written as <c>localhost</c>.
/// </summary>
/// <remarks>
/// Development uses it as the issuer when <c>Identity:Issuer</c> is not set, and the gateway resolves
/// its relative sandbox URLs against it. <c>http</c> comes first because callers in this process need
/// no development certificate to reach it.
/// </remarks>
public sealed class ServerListenAddress
{
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private Uri? _address;

    /// <summary>Reads the addresses of <paramref name="server"/> once <paramref name="lifetime"/> says it started.</summary>
    /// <param name="server">The server (Kestrel).</param>
    /// <param name="lifetime">The host's lifetime, whose <c>ApplicationStarted</c> fires after the server bound its addresses.</param>
    public ServerListenAddress(IServer server, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(lifetime);
        _server = server;
        _lifetime = lifetime;
    }

    /// <summary>Fires once the server listens; from then on <see cref="TryGet"/> answers.</summary>
    public CancellationToken Started => _lifetime.ApplicationStarted;

    /// <summary>The address when the server has started.</summary>
    /// <param name="address">The root URL, such as <c>http://127.0.0.1:5700/</c>.</param>
    /// <returns><see langword="false"/> before the server has started.</returns>
    public bool TryGet([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? address)
    {
        address = _address;
        if (address is null && _lifetime.ApplicationStarted.IsCancellationRequested)
        {
            address = _address = Read();
        }

        return address is not null;
    }

    /// <summary>The address, waiting for the server to start when it has not yet.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The root URL, such as <c>http://127.0.0.1:5700/</c>.</returns>
    /// <exception cref="InvalidOperationException">The server reports no address (an in-memory test server has none).</exception>
    public async ValueTask<Uri> GetAsync(CancellationToken cancellationToken)
    {
        if (TryGet(out var address))
        {
            return address;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return TryGet(out address) ? address : throw NoAddress();
    }

    private Uri Read()
    {
        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null || !Uri.TryCreate(WithoutWildcard(chosen), UriKind.Absolute, out var uri))
        {
            throw NoAddress();
        }

        return new UriBuilder(uri.Scheme, uri.Host, uri.Port).Uri;
    }

    /// <summary>Kestrel reports <c>http://*:80</c> as given and <c>http://0.0.0.0:80</c> or <c>http://[::]:80</c> for IP wildcards.</summary>
    private static string WithoutWildcard(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = address.LastIndexOf(':');
        if (start < 3 || end < start)
        {
            return address;
        }

        var host = address[start..end];
        return host is "*" or "+" or "0.0.0.0" or "[::]"
            ? string.Concat(address.AsSpan(0, start), "localhost", address.AsSpan(end))
            : address;
    }

    private static InvalidOperationException NoAddress() =>
        new("The server reports no address it listens on (an in-memory test server has none): configure absolute URLs, such as Identity:Issuer, instead.");
}
