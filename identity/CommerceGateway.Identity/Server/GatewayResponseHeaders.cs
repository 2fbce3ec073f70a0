using Microsoft.AspNetCore;
using System.Globalization;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// The status and headers OpenIddict has no setting for, applied to token, introspection and revocation
/// answers: <c>Cache-Control: no-store</c> on all of them, 429 with <c>Retry-After</c> for a throttled client, 503 with <c>Retry-After</c> for a store
/// outage (<c>temporarily_unavailable</c>), and a Basic challenge only when the client used Basic (RFC
/// 6749 §5.2 requires it then and allows it otherwise; clients that posted a secret should not be told
/// to try Basic instead).
/// </summary>
internal sealed class GatewayResponseHeaders<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<GatewayResponseHeaders<TContext>>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<TContext>.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetHttpRequest()?.HttpContext.Response is not { } response)
        {
            return default;
        }

        // RFC 6749 §5.1 for every answer, errors included (OpenIddict leaves some errors without it).
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        var error = context.Transaction.Response?.Error;
        if (string.IsNullOrEmpty(error))
        {
            return default;
        }

        var retryAfter = context.Transaction.GetRetryAfter();
        if (error == OpenIddictConstants.Errors.TemporarilyUnavailable)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        else if (error == OpenIddictConstants.Errors.InvalidClient && retryAfter is not null)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.WWWAuthenticate = default;
        }
        else if (error == OpenIddictConstants.Errors.InvalidClient && !context.Transaction.UsedBasic())
        {
            response.Headers.WWWAuthenticate = default;
        }

        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return default;
    }
}
