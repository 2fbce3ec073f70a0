namespace CommerceGateway.Adapters;

/// <summary>One handler added with <see cref="ICommerceAdapterBuilder.AddChannelHandler"/>.</summary>
internal sealed record ChannelHandlerRegistration(Func<IServiceProvider, Channel, DelegatingHandler?> Create);
