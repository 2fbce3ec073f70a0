using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Tests.Fixtures;

/// <summary>
/// A schema exercising every type-system feature (the graphql-js validation test schema, extended):
/// interfaces implementing interfaces, unions, enums, @oneOf inputs, custom scalars, deprecations.
/// </summary>
public static class PetSchema
{
    public sealed record Dog(string Id, string Name, int BarkVolume, string? Nickname, Human? Owner);

    public sealed record Cat(string Id, string Name, int MeowVolume);

    public sealed record Human(string Id, string Name);

    public static readonly Human Alice = new("h1", "Alice");
    public static readonly Dog Rex = new("d1", "Rex", 3, null, Alice);
    public static readonly Cat Tom = new("c1", "Tom", 7);

    public static Schema Create() => Builder().Build();

    public static SchemaBuilder Builder() => new SchemaBuilder()
        .Query(q => q
            .Description("The root of every read.")
            .Field("dog", "Dog", f => f.Argument("id", "ID").Resolve(_ => Rex))
            .Field("pet", "Pet", f => f.Argument("filter", "PetFilter!").Resolve(c =>
            {
                var filter = (IReadOnlyDictionary<string, object?>)c.Arguments["filter"]!;
                return filter.ContainsKey("byName") && (string?)filter["byName"] == "Tom" ? Tom : Rex;
            }))
            .Field("findDog", "Dog", f => f.Argument("input", "FindDogInput").Resolve(_ => Rex))
            .Field("node", "Node", f => f.Argument("id", "ID!").Resolve(c => (string)c.Arguments["id"]! switch
            {
                "d1" => Rex,
                "c1" => Tom,
                "h1" => Alice,
                _ => null,
            }))
            .Field("pets", "[Pet!]!", f => f.Resolve(_ => new object[] { Rex, Tom }))
            .Field("humans", "[Human!]!", f => f.Argument("first", "Int").Resolve(_ => new[] { Alice }))
            .Field("hello", "String!", f => f
                .Description("Greets someone.")
                .Argument("name", "String", a => a.DefaultValue("\"world\"").Description("Who to greet."))
                .Resolve(c => $"Hello, {c.Arguments["name"]}!"))
            .Field("now", "DateTime", f => f.Resolve(_ => new DateTimeOffset(2026, 11, 25, 17, 45, 0, TimeSpan.Zero)))
            .Field("price", "Decimal", f => f.Argument("amount", "Decimal").Resolve(c => c.Arguments.GetValueOrDefault("amount") ?? 200.10m))
            .Field("complex", "String", f => f.Argument("arg", "ComplexInput").Resolve(c => c.Arguments.GetValueOrDefault("arg") is null ? null : "ok"))
            .Field("intArg", "Int", f => f.Argument("i", "Int").Resolve(c => c.Arguments.GetValueOrDefault("i")))
            .Field("floatArg", "Float", f => f.Argument("f", "Float").Resolve(c => c.Arguments.GetValueOrDefault("f")))
            .Field("boolArg", "Boolean", f => f.Argument("b", "Boolean").Resolve(c => c.Arguments.GetValueOrDefault("b")))
            .Field("idArg", "ID", f => f.Argument("id", "ID").Resolve(c => c.Arguments.GetValueOrDefault("id")))
            .Field("enumArg", "DogCommand", f => f.Argument("command", "DogCommand").Resolve(c => c.Arguments.GetValueOrDefault("command")))
            .Field("stringListArg", "[String]", f => f.Argument("list", "[String]").Resolve(c => c.Arguments.GetValueOrDefault("list")))
            .Field("nonNullIntArg", "Int", f => f.Argument("i", "Int!").Resolve(c => c.Arguments["i"]))
            .Field("multipleReqs", "String", f => f.Argument("x", "Int!").Argument("y", "Int!").Resolve(_ => "ok"))
            .Field("fail", "String", f => f.Resolve(_ => throw new InvalidOperationException("database password is hunter2")))
            .Field("failKnown", "String", f => f.Resolve(_ => throw new GraphQLException("Backend unavailable", "BACKEND_UNAVAILABLE")))
            .Field("failNonNull", "String!", f => f.Resolve(_ => throw new InvalidOperationException("boom")))
            .Field("nullNonNull", "String!", f => f.Resolve(_ => null))
            .Field("wait", "Int", f => f.Argument("ms", "Int!").ResolveAsync(async c =>
            {
                await Task.Delay((int)c.Arguments["ms"]!, c.CancellationToken);
                return (object?)c.Arguments["ms"];
            }))
            .Field("oldField", "String", f => f.Deprecated().Resolve(_ => "old"))
            .Field("olderField", "String", f => f.Deprecated("Use `hello`.").Resolve(_ => "older")))
        .Mutation(m => m
            .Field("increment", "Int!", f => f.Argument("by", "Int!", a => a.DefaultValue("1")).Resolve(c => c.Arguments["by"])))
        .Interface("Node", i => i.Description("Anything with an id.").Field("id", "ID!"))
        .Interface("Named", i => i.Implements("Node").Field("id", "ID!").Field("name", "String"))
        .Type("Dog", o => o.Implements("Named", "Node").RuntimeType<Dog>()
            .Field("id", "ID!")
            .Field("name", "String")
            .Field("nickname", "String")
            .Field("barkVolume", "Int")
            .Field("doesKnowCommand", "Boolean!", f => f.Argument("dogCommand", "DogCommand!").Resolve(c => Equals(c.Arguments["dogCommand"], "SIT")))
            .Field("isHouseTrained", "Boolean!", f => f.Argument("atOtherHomes", "Boolean").Resolve(_ => true))
            .Field("owner", "Human")
            .Field("age", "Int", f => f.Deprecated("Dogs do not tell.").Resolve(_ => 4)))
        .Type("Cat", o => o.Implements("Named", "Node").RuntimeType<Cat>()
            .Field("id", "ID!")
            .Field("name", "String")
            .Field("nickname", "String")
            .Field("meowVolume", "Int")
            .Field("knowsCommands", "Boolean", f => f.Argument("catCommands", "[CatCommand!]").Resolve(_ => false)))
        .Type("Human", o => o.Implements("Named", "Node").RuntimeType<Human>()
            .Description("A person.\n\nOwns pets.")
            .Field("id", "ID!")
            .Field("name", "String", f => f.Argument("surname", "Boolean"))
            .Field("pets", "[Pet!]!", f => f.Resolve(_ => new object[] { Rex }))
            .Field("relatives", "[Human!]!", f => f.Argument("first", "Int").Resolve(_ => Array.Empty<Human>())))
        .Union("Pet", u => u.Description("Dogs and cats.").Members("Dog", "Cat"))
        .Union("CatOrDog", u => u.Members("Cat", "Dog"))
        .Enum("DogCommand", e => e.Value("SIT", description: "Sit down.").Value("DOWN").Value("HEEL").Value("ROLL", deprecationReason: "Too hard."))
        .Enum("CatCommand", e => e.Value("JUMP"))
        .InputObject("FindDogInput", i => i.Field("name", "String").Field("owner", "String"))
        .InputObject("PetFilter", i => i.OneOf().Field("byId", "ID").Field("byName", "String"))
        .InputObject("ComplexInput", i => i
            .Field("requiredField", "Boolean!")
            .Field("nonNullField", "Boolean!", a => a.DefaultValue("false"))
            .Field("intField", "Int")
            .Field("stringField", "String")
            .Field("booleanField", "Boolean")
            .Field("stringListField", "[String]")
            .Field("enumField", "DogCommand", a => a.DefaultValue("SIT"))
            .Field("listDefault", "[Int!]", a => a.DefaultValue("[1, 2]"))
            .Field("oldInput", "String", a => a.Deprecated()))
        .Scalar(new DateTimeScalar())
        .Scalar(new DecimalScalar())
        .Directive("onField", d => d.Locations("FIELD"))
        .Directive("tag", d => d.Description("Labels a selection.").Repeatable().Locations("FIELD", "QUERY").Argument("name", "String!"));
}
