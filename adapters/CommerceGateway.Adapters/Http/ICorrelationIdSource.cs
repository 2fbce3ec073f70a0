namespace CommerceGateway.Adapters;

/// <summary>
/// Supplies the correlation id of the operation in progress, which every backend request carries as
/// <c>X-Correlation-Id</c> and every backend log line names, so one id follows a caller's request
/// through the gateway and each backend it reaches.
/// </summary>
/// <remarks>
/// The default reads the current <see cref="System.Diagnostics.Activity"/>'s trace id. A host that
/// gives requests its own correlation ids (the gateway does) registers its own source.
/// </remarks>
public interface ICorrelationIdSource
{
    /// <summary>The id of the operation in progress, or <see langword="null"/> outside of one.</summary>
    string? CurrentCorrelationId { get; }
}
