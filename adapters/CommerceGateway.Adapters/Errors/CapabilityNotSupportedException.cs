namespace CommerceGateway.Adapters;

/// <summary>The channel's backend lacks the capability the operation needs.</summary>
public sealed class CapabilityNotSupportedException : CommerceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="capability">The missing capability.</param>
    /// <param name="operation">The operation that needed it.</param>
    public CapabilityNotSupportedException(string channel, ChannelCapabilities capability, string operation)
        : base(CommerceErrorCodes.NotSupported, $"Channel '{channel}' does not support {operation}: it lacks the {capability} capability.", channel)
    {
        Capability = capability;
        Operation = operation;
    }

    /// <summary>The missing capability.</summary>
    public ChannelCapabilities Capability { get; }

    /// <summary>The operation that needed it.</summary>
    public string Operation { get; }

    /// <inheritdoc />
    public override bool IsFault => false;
}
