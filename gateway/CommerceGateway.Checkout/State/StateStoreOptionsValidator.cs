using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout.State;

/// <summary>Refuses to start with settings that would break key namespacing or make calls hang.</summary>
internal sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    internal const int MaxKeyPrefixLength = 64;
    internal const int MaxReplicaAcknowledgements = 5;
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
        else if (options.KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            // The store places its own hash tags; a brace in the prefix would take their place and could split a seat group across slots.
            failures.Add($"StateStore:KeyPrefix must not contain '{{' or '}}' (the store places its own Redis Cluster hash tags); got \"{options.KeyPrefix}\".");
        }

        if (options.OperationTimeout < MinOperationTimeout || options.OperationTimeout > MaxOperationTimeout)
        {
            failures.Add($"StateStore:OperationTimeout must be between 00:00:00.010 and 00:01:00; got {options.OperationTimeout}.");
        }

        if (options.ReplicaAcknowledgements is < 0 or > MaxReplicaAcknowledgements)
        {
            failures.Add($"StateStore:ReplicaAcknowledgements must be between 0 and {MaxReplicaAcknowledgements}, or unset for the default; got {options.ReplicaAcknowledgements}.");
        }

        if (options.ReplicaAcknowledgementTimeout <= TimeSpan.Zero)
        {
            failures.Add($"StateStore:ReplicaAcknowledgementTimeout must be positive; got {options.ReplicaAcknowledgementTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
