using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// YARP 2.1 reports a route timeout as a cancelled request (400), as if the partner had hung up.
/// When it was our timeout that fired, the partner must see 504 Gateway Timeout instead.
/// </summary>
internal static class ProxyTimeoutStatus
{
    public static async Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        await next().ConfigureAwait(false);
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (timedOut && !context.Response.HasStarted && context.GetForwarderErrorFeature()?.Error == ForwarderError.RequestCanceled)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }
}
