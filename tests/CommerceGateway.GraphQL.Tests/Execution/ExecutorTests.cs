using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Tests.Fixtures;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    [Fact]
    public async Task ExecuteAsync_AliasesAndFragmentsOnAbstractTypes_ResolveRuntimeTypes()
    {
        var json = await Run.Json("""
            {
              pets { __typename ... on Dog { name volume: barkVolume } ...CatFields }
              n: node(id: "h1") { id ... on Named { name } }
            }
            fragment CatFields on Cat { name meowVolume }
            """);

        Assert.Equal(
            """{"data":{"pets":[{"__typename":"Dog","name":"Rex","volume":3},{"__typename":"Cat","name":"Tom","meowVolume":7}],"n":{"id":"h1","name":"Alice"}}}""",
            Run.Compact(json));
    }

    [Fact]
    public async Task ExecuteAsync_SkipAndIncludeWithVariables_SelectFields()
    {
        var json = await Run.Json(
            "query($yes: Boolean!, $no: Boolean!) { a: hello @include(if: $yes) b: hello @skip(if: $yes) c: hello @include(if: $no) ... @skip(if: $no) { d: hello } }",
            new { yes = true, no = false });

        Assert.Equal("""{"data":{"a":"Hello, world!","d":"Hello, world!"}}""", Run.Compact(json));
    }

    [Fact]
    public async Task ExecuteAsync_ResolverThrows_MasksMessageAndKeepsPartialData()
    {
        var json = await Run.Json("{ hello fail }");

        var error = json.GetProperty("errors")[0];
        Assert.Equal("Unexpected error", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("extensions").GetProperty("correlationId").GetString()));
        Assert.Equal("""[{"line":1,"column":9}]""", Run.Compact(error.GetProperty("locations")));
        Assert.Equal("""["fail"]""", Run.Compact(error.GetProperty("path")));
        Assert.Equal("""{"hello":"Hello, world!","fail":null}""", Run.Compact(json.GetProperty("data")));
        Assert.DoesNotContain("hunter2", Run.Compact(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ExposeExceptionDetails_ShowsMessage()
    {
        var executor = new GraphQLExecutor(PetSchema.Create(), new GraphQLOptions { ExposeExceptionDetails = true });

        var json = await Run.Json("{ fail }", executor: executor);

        Assert.Equal("database password is hunter2", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_GraphQLExceptionThrown_KeepsMessageAndCode()
    {
        var json = await Run.Json("{ failKnown }");

        var error = json.GetProperty("errors")[0];
        Assert.Equal("Backend unavailable", error.GetProperty("message").GetString());
        Assert.Equal("BACKEND_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_NonNullFieldFails_NullPropagatesToData()
    {
        var json = await Run.Json("{ hello nullNonNull }");

        Assert.Equal(JsonValueKindNull, json.GetProperty("data").ValueKind);
        Assert.Equal("Cannot return null for non-nullable field Query.nullNonNull.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_NonNullListItemFails_NullsNearestNullableParent()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("items", "[Item!]", f => f.Resolve(_ => new[] { "a", "b" }))
                .Field("other", "String", f => f.Resolve(_ => "still here")))
            .Type("Item", o => o.Field("value", "String!", f => f.Resolve(c => (string)c.Parent! == "b" ? null : "x")))
            .Build();

        var json = await Run.Json(schema, "{ items { value } other }");

        Assert.Equal("""{"items":null,"other":"still here"}""", Run.Compact(json.GetProperty("data")));
        Assert.Equal("""["items",1,"value"]""", Run.Compact(json.GetProperty("errors")[0].GetProperty("path")));
    }

    [Fact]
    public async Task ExecuteAsync_QueryFields_ResolveConcurrently()
    {
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("a", "String", f => f.ResolveAsync(async _ =>
                {
                    first.SetResult();
                    await second.Task.WaitAsync(TimeSpan.FromSeconds(5));
                    return (object?)"a";
                }))
                .Field("b", "String", f => f.ResolveAsync(async _ =>
                {
                    second.SetResult();
                    await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
                    return (object?)"b";
                })))
            .Build();

        var json = await Run.Json(schema, "{ a b }");

        Assert.Equal("""{"data":{"a":"a","b":"b"}}""", Run.Compact(json));
    }

    [Fact]
    public async Task ExecuteAsync_MutationFields_RunSeriallyInDocumentOrder()
    {
        var log = new List<string>();
        var schema = new SchemaBuilder()
            .Query(q => q.Field("x", "Int"))
            .Mutation(m => m.Field("step", "Int!", f => f.Argument("n", "Int!").ResolveAsync(async c =>
            {
                var n = (int)c.Arguments["n"]!;
                lock (log)
                {
                    log.Add($"start {n}");
                }

                await Task.Delay(30 - (n * 10));
                lock (log)
                {
                    log.Add($"end {n}");
                }

                return (object?)n;
            })))
            .Build();

        var json = await Run.Json(schema, "mutation { a: step(n: 1) b: step(n: 2) }");

        Assert.Equal("""{"a":1,"b":2}""", Run.Compact(json.GetProperty("data")));
        Assert.Equal(["start 1", "end 1", "start 2", "end 2"], log);
    }

    [Fact]
    public async Task ExecuteAsync_RequestCancelled_ResolverSeesToken()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Run.Executor.ExecuteAsync(new GraphQLRequest { Query = "{ wait(ms: 10000) }" }, null, cancellation.Token));
    }

    [Fact]
    public async Task ExecuteAsync_VariableOfWrongType_ReportsCoercionErrorWithoutData()
    {
        var json = await Run.Json("query($i: Int) { intArg(i: $i) }", new { i = "abc" });

        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal(
            "Variable \"$i\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"",
            json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_NestedInputVariableInvalid_ReportsPath()
    {
        var json = await Run.Json("query($c: ComplexInput) { complex(arg: $c) }", new { c = new { requiredField = true, stringListField = new object[] { "a", 1 } } });

        Assert.Equal(
            "Variable \"$c\" got invalid value 1 at \"c.stringListField[1]\"; String cannot represent a non string value: 1",
            json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_RequiredVariableMissing_Fails()
    {
        var json = await Run.Json("query($i: Int!) { nonNullIntArg(i: $i) }");

        Assert.Equal("Variable \"$i\" of required type \"Int!\" was not provided.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_OneOfVariableWithTwoKeys_Fails()
    {
        var json = await Run.Json("query($f: PetFilter!) { pet(filter: $f) { __typename } }", new { f = new { byId = "1", byName = "Tom" } });

        Assert.Contains("Exactly one key must be specified for OneOf type \"PetFilter\".", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_OneOfLiteralWithNullVariable_FailsWithoutCallingTheResolver()
    {
        var json = await Run.Json("query($id: ID) { pet(filter: { byId: $id }) { __typename } }", new { id = (string?)null });

        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("data").GetProperty("pet").ValueKind);
        Assert.Contains("Argument \"filter\" has invalid value", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CustomScalars_SerializeAndParse()
    {
        var json = await Run.Json("query($p: Decimal) { now price(amount: $p) literal: price(amount: \"0.10\") }", new { p = "12.50" });

        Assert.Equal("""{"now":"2026-11-25T17:45:00+00:00","price":"12.50","literal":"0.10"}""", Run.Compact(json.GetProperty("data")));
    }

    [Fact]
    public async Task ExecuteAsync_DefaultsAndEnums_AppliedToArguments()
    {
        var json = await Run.Json("{ hello enumArg(command: HEEL) ids: idArg(id: 42) f: floatArg(f: 1) }");

        Assert.Equal("""{"hello":"Hello, world!","enumArg":"HEEL","ids":"42","f":1}""", Run.Compact(json.GetProperty("data")));
    }

    [Fact]
    public async Task ExecuteAsync_OperationName_SelectsOperation()
    {
        var json = await Run.Json("query A { a: hello } query B { b: hello }", operationName: "B");
        var missing = await Run.Json("query A { a: hello } query B { b: hello }");

        Assert.Equal("""{"b":"Hello, world!"}""", Run.Compact(json.GetProperty("data")));
        Assert.Equal("Must provide operation name if query contains multiple operations.", missing.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_Subscription_RefusedWithClearError()
    {
        var json = await Run.Json("subscription { hello }");

        var error = json.GetProperty("errors")[0];
        Assert.Equal("Subscriptions are not supported by this server; use a query or a mutation.", error.GetProperty("message").GetString());
        Assert.Equal("OPERATION_NOT_SUPPORTED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_SyntaxError_ReportsLocationAndCode()
    {
        var json = await Run.Json("{ hello(");

        var error = json.GetProperty("errors")[0];
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.GetProperty("message").GetString());
        Assert.Equal("""[{"line":1,"column":9}]""", Run.Compact(error.GetProperty("locations")));
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_ArgumentVariableNotProvided_UsesDefault()
    {
        var json = await Run.Json("query($n: String) { hello(name: $n) }");

        Assert.Equal("""{"hello":"Hello, world!"}""", Run.Compact(json.GetProperty("data")));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
