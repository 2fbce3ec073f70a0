using System.Buffers;
using System.Diagnostics;
using CommerceGateway.Gateway.Operations.Telemetry;

namespace CommerceGateway.Gateway.Operations;

/// <summary>
/// Gives every request a correlation id (<c>X-Correlation-Id</c>): the caller's when it is a safe
/// token, a new one otherwise. It is forwarded to backends, returned on the response and put in
/// the logging scope, so one id follows a request through every log line and hop; when traces are
/// recorded it is also an attribute of the request's span.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private const int MaxLength = 64;
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        // One logger for the host's lifetime: creating it per request takes the logger factory's lock.
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CommerceGateway.Gateway.Requests");
        return app.Use(async (context, next) =>
        {
            var id = context.Request.Headers[HeaderName].ToString();
            // A caller's id goes into logs and upstream requests: anything but a short plain token is replaced.
            if (id.Length is 0 or > MaxLength || id.AsSpan().ContainsAnyExcept(Allowed))
            {
                // 32 random hex digits from the runtime's user-space generator: Guid.NewGuid would
                // cost a system call per request, and the id needs to be unique, not secret.
                id = ActivityTraceId.CreateRandom().ToHexString();
            }

            context.Request.Headers[HeaderName] = id;
            context.TraceIdentifier = id;
            // Without a tracer provider ASP.NET Core starts no activity, so this costs one null check.
            if (Activity.Current is { IsAllDataRequested: true } span)
            {
                span.SetTag(OtlpTracing.CorrelationIdTag, id);
            }

            // Set when the response starts, not now: the exception handler clears headers before it answers.
            context.Response.OnStarting(static state =>
            {
                var (response, value) = ((HttpResponse, string))state;
                response.Headers[HeaderName] = value;
                return Task.CompletedTask;
            }, (context.Response, id));

            using (logger.BeginScope(new CorrelationScope(id)))
            {
                await next(context).ConfigureAwait(false);
            }
        });
    }
}
