namespace CommerceGateway.Sandbox.Hosting;

/// <summary>
/// <c>{prefix}/_echo/{**path}</c>: answers any method with what arrived (method, path, query,
/// headers, body length), so a proxy in front of the sandbox can be checked for what it forwards.
/// The <c>X-Sandbox-Fault</c> header applies to it as to every protocol (e.g. latency).
/// </summary>
internal static class EchoEndpoint
{
    public static void MapEcho(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/_echo/{**path}", async (HttpContext http) =>
        {
            var body = 0L;
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted).ConfigureAwait(false)) > 0)
            {
                body += read;
            }

            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            http.Response.Headers["X-Powered-By"] = "CommerceGateway.Sandbox";
            return TypedResults.Ok(new
            {
                method = http.Request.Method,
                path = http.Request.Path.Value,
                query = http.Request.QueryString.Value,
                headers,
                bodyLength = body,
            });
        }).AddEndpointFilter(new Faults.FaultInjectionFilter("echo"));
}
