using CommerceGateway.Adapters;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Addressing;

/// <summary>
/// Turns a channel <c>BaseUrl</c> that is a path into the <see cref="SelfAddress.Placeholder"/> form,
/// before the adapter SDK validates it; <see cref="SelfAddressHandler"/> resolves it per request.
/// </summary>
internal sealed class SelfAddressedChannels : IPostConfigureOptions<ChannelsOptions>
{
    public void PostConfigure(string? name, ChannelsOptions options)
    {
        foreach (var channel in options.Channels.Values)
        {
            if (SelfAddress.IsPath(channel.BaseUrl))
            {
                channel.BaseUrl = SelfAddress.Resolve(SelfAddress.Placeholder, channel.BaseUrl!).ToString();
            }
        }
    }
}
