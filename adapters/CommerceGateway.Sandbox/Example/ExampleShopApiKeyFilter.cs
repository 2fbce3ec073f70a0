namespace CommerceGateway.Sandbox.Example;

/// <summary>Every ExampleShop call needs <c>X-Api-Key: example-api-key</c>; anything else is 401 <c>unauthorized</c>.</summary>
internal sealed class ExampleShopApiKeyFilter : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    /// <summary>The one key the sandbox shop accepts (a sandbox has no secrets worth hiding).</summary>
    public const string ApiKey = "example-api-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.Request.Headers[Header].ToString();
        return string.Equals(key, ApiKey, StringComparison.Ordinal)
            ? await next(context)
            : ExampleShopErrorFilter.Error(StatusCodes.Status401Unauthorized, "unauthorized", $"Send the shop's API key in the {Header} header.");
    }
}
