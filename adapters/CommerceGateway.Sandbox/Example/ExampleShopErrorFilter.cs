namespace CommerceGateway.Sandbox.Example;

/// <summary>Turns <see cref="ExampleShopException"/> into the protocol's JSON error answer.</summary>
internal sealed class ExampleShopErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ExampleShopException e)
        {
            return Error(e.Status, e.Code, e.Message);
        }
    }

    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new { error = new { code, message } }, statusCode: status);
}
