using System.Diagnostics.Metrics;
using CommerceGateway.GraphQL.Tests.Fixtures;

namespace CommerceGateway.GraphQL.Tests.Diagnostics;

/// <summary>The engine's meter is process-wide, so these tests run alone, not beside other executions.</summary>
[CollectionDefinition(nameof(GraphQLMetricsTests), DisableParallelization = true)]
public sealed class GraphQLMetricsRunAlone;

[Collection(nameof(GraphQLMetricsTests))]
public sealed class GraphQLMetricsTests
{
    [Fact]
    public async Task Operations_ByTypeAndOutcome_AreCountedAndTimed()
    {
        var counted = new List<(string Type, string Outcome, long Value)>();
        var timed = new List<(string Type, string Outcome, double Seconds)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GraphQLMeter.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => counted.Add((Tag(tags, "operation_type"), Tag(tags, "outcome"), value)));
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => timed.Add((Tag(tags, "operation_type"), Tag(tags, "outcome"), value)));
        listener.Start();

        await Run.Json("{ dog { name } }");
        await Run.Json("query ($id: ID!) { dog(id: $id) { name } }");
        await Run.Json("{ dog(");

        Assert.Equal([("query", "success", 1L), ("query", "rejected", 1L), ("unknown", "rejected", 1L)], counted);
        Assert.Equal(3, timed.Count);
        Assert.All(timed, t => Assert.True(t.Seconds >= 0));
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return (string)tag.Value!;
            }
        }

        return "(none)";
    }
}
