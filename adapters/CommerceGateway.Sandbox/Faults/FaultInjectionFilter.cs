namespace CommerceGateway.Sandbox.Faults;

/// <summary>
/// Applies transport faults before a protocol's handler runs: the request's <c>X-Sandbox-Fault</c>
/// header wins over the protocol-wide fault set by the admin endpoint. A fault naming a path applies
/// to requests for that path only.
/// </summary>
internal sealed class FaultInjectionFilter(string protocol) : IEndpointFilter
{
    public const string Header = "X-Sandbox-Fault";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        FaultSpec fault;
        try
        {
            fault = http.Request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrWhiteSpace(header)
                ? FaultSpec.Parse(header.ToString())
                : http.RequestServices.GetRequiredService<SandboxFaults>().Take(protocol, http.Request.Path.Value ?? string.Empty);
        }
        catch (FormatException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid X-Sandbox-Fault header");
        }

        if (!fault.AppliesTo(http.Request.Path.Value ?? string.Empty))
        {
            fault = FaultSpec.None;
        }

        http.Items[SandboxFaultExtensions.ItemKey] = fault;
        if (fault.LatencyMs is > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs.Value), http.RequestAborted);
        }

        if (fault.Timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(100), http.RequestAborted);
            return TypedResults.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        if (fault.Status is { } status)
        {
            return TypedResults.Json(new { error = "injected_fault", message = $"Sandbox fault: status {status}" }, statusCode: status);
        }

        if (fault.Malformed)
        {
            return TypedResults.Text("{\"truncated\": [1, 2,", "application/json", statusCode: StatusCodes.Status200OK);
        }

        var answer = await next(context);
        if (fault.AnswerLateMs is > 0)
        {
            // Not tied to RequestAborted: the caller giving up must not shorten the wait, or the answer
            // would still arrive in time whenever the caller's timeout is the shorter of the two.
            await Task.Delay(TimeSpan.FromMilliseconds(fault.AnswerLateMs.Value), CancellationToken.None);
        }

        return answer;
    }
}
