namespace CommerceGateway.Adapters;

/// <summary>Creates the innermost handler of a channel's HttpClient.</summary>
internal sealed class PrimaryHandlerFactory(Func<Channel, HttpMessageHandler>? create)
{
    public HttpMessageHandler Create(Channel channel) => create?.Invoke(channel) ?? new SocketsHttpHandler
    {
        // Bounded connection lifetime so DNS changes of the backend are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = channel.Resilience.AttemptTimeout,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
