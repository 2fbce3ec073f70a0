using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a prepared GET and reads a Content-Length answer.
/// Far cheaper per request than HttpClient, so on a two-core machine the load generator takes
/// as little CPU as possible from the servers it measures.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\ncontent-length:"u8.ToArray();
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new RawHttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The prepared bytes of a GET with the given headers.</summary>
    public static byte[] Request(LoadTarget target, string authorization) => Encoding.ASCII.GetBytes(
        $"GET {target.PathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:{target.Port}\r\nAuthorization: {authorization}\r\n\r\n");

    /// <summary>Sends the request and reads the whole answer; returns its status code.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
        var length = 0;
        var headerLength = -1;
        var total = -1;
        while (total < 0 || length < total)
        {
            if (length == _buffer.Length)
            {
                throw new InvalidOperationException("The answer is larger than the load generator's buffer.");
            }

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            length += read;
            if (headerLength < 0)
            {
                var end = _buffer.AsSpan(0, length).IndexOf(HeaderEnd);
                if (end >= 0)
                {
                    headerLength = end + HeaderEnd.Length;
                    total = headerLength + BodyLength(_buffer.AsSpan(0, headerLength));
                }
            }
        }

        // No pipelining: the answer must end where the read ended.
        if (length != total)
        {
            throw new InvalidOperationException("The server sent more than one answer.");
        }

        return Status(_buffer.AsSpan(0, headerLength));
    }

    public void Dispose() => _socket.Dispose();

    private static int Status(ReadOnlySpan<byte> head) =>
        head.Length > 12 && Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _) ? status : throw new InvalidOperationException("Not an HTTP/1.1 answer.");

    private static int BodyLength(ReadOnlySpan<byte> head)
    {
        Span<byte> lower = stackalloc byte[head.Length];
        for (var i = 0; i < head.Length; i++)
        {
            lower[i] = head[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(head[i] + 32) : head[i];
        }

        var at = lower.IndexOf(ContentLength);
        if (at < 0)
        {
            // All three paths answer with Content-Length; a chunked answer would be a different test.
            throw new InvalidOperationException("The answer has no Content-Length.");
        }

        var value = lower[(at + ContentLength.Length)..];
        value = value[..value.IndexOf((byte)'\r')].Trim((byte)' ');
        return Utf8Parser.TryParse(value, out int bodyLength, out _) ? bodyLength : throw new InvalidOperationException("Bad Content-Length.");
    }
}
