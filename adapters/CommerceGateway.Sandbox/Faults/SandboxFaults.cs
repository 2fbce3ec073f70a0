using System.Collections.Concurrent;

namespace CommerceGateway.Sandbox.Faults;

/// <summary>Protocol-wide faults set through the admin endpoint; thread-safe.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, FaultSpec> _byProtocol = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the fault for every request to <paramref name="protocol"/>.</summary>
    public void Set(string protocol, FaultSpec fault) => _byProtocol[protocol] = fault;

    /// <summary>Clears the protocol's fault.</summary>
    public void Clear(string protocol) => _byProtocol.TryRemove(protocol, out _);

    /// <summary>The protocol's current fault, without consuming it.</summary>
    public FaultSpec Peek(string protocol) => _byProtocol.GetValueOrDefault(protocol, FaultSpec.None);

    /// <summary>
    /// The fault for one request to <paramref name="path"/> (null: any path); a fault with a count is used
    /// up one matching request at a time.
    /// </summary>
    public FaultSpec Take(string protocol, string? path = null)
    {
        while (_byProtocol.TryGetValue(protocol, out var fault))
        {
            if (path is not null && !fault.AppliesTo(path))
            {
                return FaultSpec.None;
            }

            if (fault.Times is null)
            {
                return fault;
            }

            var replaced = fault.Times <= 1
                ? _byProtocol.TryRemove(new KeyValuePair<string, FaultSpec>(protocol, fault))
                : _byProtocol.TryUpdate(protocol, fault with { Times = fault.Times - 1 }, fault);
            if (replaced)
            {
                return fault;
            }
        }

        return FaultSpec.None;
    }
}
