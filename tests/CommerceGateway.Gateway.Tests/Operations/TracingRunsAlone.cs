namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>
/// Activity listeners are process-wide: while one gateway traces, every host in the process creates
/// activities and sends traceparent. Tests that check what tracing-off leaves out run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingRunsAlone
{
    public const string Name = "Tracing";
}
