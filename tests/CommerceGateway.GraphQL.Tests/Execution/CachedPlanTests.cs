using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Tests.Fixtures;

namespace CommerceGateway.GraphQL.Tests.Execution;

/// <summary>
/// A cached document keeps its execution plan (field sets, literal arguments, getters) between
/// requests: what depends on a request's variables must still come from that request.
/// </summary>
public sealed class CachedPlanTests
{
    private const string IncludeQuery = "query($with: Boolean!) { hello dog { name ... @include(if: $with) { barkVolume } } }";

    [Fact]
    public async Task ExecuteAsync_SameDocumentIncludeAlternates_EachRequestGetsItsOwnSelection()
    {
        var executor = NewExecutor();

        var first = await Run.Json(IncludeQuery, new { with = true }, executor);
        var second = await Run.Json(IncludeQuery, new { with = false }, executor);
        var third = await Run.Json(IncludeQuery, new { with = true }, executor);

        Assert.Equal("""{"data":{"hello":"Hello, world!","dog":{"name":"Rex","barkVolume":3}}}""", Run.Compact(first));
        Assert.Equal("""{"data":{"hello":"Hello, world!","dog":{"name":"Rex"}}}""", Run.Compact(second));
        Assert.Equal(Run.Compact(first), Run.Compact(third));
        Assert.Equal(1, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task ExecuteAsync_SameDocumentArgumentVariableChanges_ResolverSeesEachValue()
    {
        var executor = NewExecutor();
        const string query = "query($i: Int) { literal: intArg(i: 7) fromVariable: intArg(i: $i) }";

        var first = await Run.Json(query, new { i = 1 }, executor);
        var second = await Run.Json(query, new { i = 2 }, executor);

        Assert.Equal("""{"data":{"literal":7,"fromVariable":1}}""", Run.Compact(first));
        Assert.Equal("""{"data":{"literal":7,"fromVariable":2}}""", Run.Compact(second));
    }

    [Fact]
    public async Task ExecuteAsync_CachedDocumentFailsOnALeaf_EveryRequestReportsTheErrorWithItsPath()
    {
        var executor = NewExecutor();
        const string query = "{ hello nullNonNull }";

        var first = await Run.Json(query, executor: executor);
        var second = await Run.Json(query, executor: executor);

        Assert.Equal(Run.Compact(first), Run.Compact(second));
        Assert.Equal("""["nullNonNull"]""", Run.Compact(second.GetProperty("errors")[0].GetProperty("path")));
        Assert.Equal("null", Run.Compact(second.GetProperty("data")));
    }

    [Fact]
    public async Task ExecuteAsync_SameDocumentListSizeVariableChanges_CostLimitJudgesEachRequest()
    {
        var executor = new GraphQLExecutor(PetSchema.Create(), new GraphQLOptions { Limits = { MaxCost = 50 } });
        const string query = "query($n: Int) { humans(first: $n) { name } }";

        var small = await Run.Json(query, new { n = 2 }, executor);
        var large = await Run.Json(query, new { n = 1000 }, executor);
        var smallAgain = await Run.Json(query, new { n = 2 }, executor);

        Assert.False(small.TryGetProperty("errors", out _));
        Assert.Equal("MAX_COST_EXCEEDED", large.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(Run.Compact(small), Run.Compact(smallAgain));
    }

    private static GraphQLExecutor NewExecutor() => new(PetSchema.Create());
}
