using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommerceGateway.Identity.Benchmarks;

/// <summary>
/// A minimal keep-alive HTTP/1.1 client for one pre-built request, like wrk: the load generator shares the
/// machine's cores with the server, so it must cost as little as possible. One instance per worker.
/// </summary>
internal sealed class LoopbackHttpClient : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly IPEndPoint _endpoint;
    private readonly byte[] _request;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;

    public LoopbackHttpClient(IPEndPoint endpoint, string path, string contentType, byte[] body)
    {
        _endpoint = endpoint;
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {endpoint}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        _request = [.. head, .. body];
    }

    /// <summary>Sends the request and reads the whole response; true for a 200 with a body.</summary>
    public async Task<bool> SendAsync(CancellationToken cancellationToken)
    {
        if (_socket is null)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await _socket.ConnectAsync(_endpoint, cancellationToken).ConfigureAwait(false);
        }

        await _socket.SendAsync(_request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var received = 0;
        int headerLength;
        while ((headerLength = _buffer.AsSpan(0, received).IndexOf(HeaderEnd)) < 0)
        {
            received += await ReceiveAsync(received, cancellationToken).ConfigureAwait(false);
        }

        var head = Encoding.ASCII.GetString(_buffer, 0, headerLength);
        var total = headerLength + HeaderEnd.Length + ContentLength(head);
        while (received < total)
        {
            received += await ReceiveAsync(received, cancellationToken).ConfigureAwait(false);
        }

        return head.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal) && total - headerLength > 200;
    }

    public void Dispose() => _socket?.Dispose();

    private async Task<int> ReceiveAsync(int offset, CancellationToken cancellationToken)
    {
        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(offset), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _socket.Dispose();
            _socket = null;
            throw new HttpRequestException("The server closed the connection.");
        }

        return read;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new HttpRequestException("The response has no Content-Length.");
    }
}
