using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout.State;

/// <summary>Refuses to start with settings that would break key namespacing or make calls hang.</summary>
internal sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    internal const int MaxKeyPrefixLength = 64;
    internal static readonly TimeSpan MinOperationTimeout = TimeSpan.FromMilliseconds(10);
    internal static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add("StateStore:KeyPrefix must not be empty; use a short namespace such as \"cg:\".");
        }
        else if (options.KeyPrefix.Length > MaxKeyPrefixLength || options.KeyPrefix.Any(char.IsWhiteSpace))
        {
            failures.Add($"StateStore:KeyPrefix must be at most {MaxKeyPrefixLength} characters without whitespace; got \"{options.KeyPrefix}\".");
        }

        if (options.OperationTimeout < MinOperationTimeout || options.OperationTimeout > MaxOperationTimeout)
        {
            failures.Add($"StateStore:OperationTimeout must be between 00:00:00.010 and 00:01:00; got {options.OperationTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
