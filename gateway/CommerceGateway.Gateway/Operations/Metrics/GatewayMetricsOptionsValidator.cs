using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>Refuses to start with a metrics endpoint that cannot work; messages name the key.</summary>
internal sealed class GatewayMetricsOptionsValidator : IValidateOptions<GatewayMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!OperationsPaths.IsValid(options.Path))
        {
            failures.Add($"Gateway:Metrics:Path must be a path such as \"/metrics\" (starts with '/', no trailing '/', no query), but is \"{options.Path}\".");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Gateway:Metrics:Port must be a TCP port between 1 and 65535, but is {options.Port}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
