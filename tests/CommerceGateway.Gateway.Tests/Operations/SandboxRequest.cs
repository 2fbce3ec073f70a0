namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>One request as the sandbox received it: its path, <c>X-Correlation-Id</c> and W3C <c>traceparent</c>.</summary>
public sealed record SandboxRequest(string Path, string? CorrelationId, string? TraceParent);
