using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Types;

/// <summary>The directives every schema has: @include, @skip, @deprecated, @specifiedBy and @oneOf.</summary>
internal static class BuiltInDirectives
{
    public static IEnumerable<DirectiveDefinition> Create(SchemaFactory factory)
    {
        DirectiveDefinition Make(string name, string description, string[] locations, params InputValueBuilder[] arguments)
        {
            var directive = new DirectiveDefinition(name, locations) { Description = description, IsBuiltIn = true };
            directive.Arguments.AddRange(arguments.Select(a => factory.InputValue(a, $"@{name}({a.Name}:)")));
            return directive;
        }

        yield return Make(
            "include",
            "Directs the executor to include this field or fragment only when the `if` argument is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
            new InputValueBuilder("if", "Boolean!").Description("Included when true."));
        yield return Make(
            "skip",
            "Directs the executor to skip this field or fragment when the `if` argument is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
            new InputValueBuilder("if", "Boolean!").Description("Skipped when true."));
        yield return Make(
            "deprecated",
            "Marks an element of a GraphQL schema as no longer supported.",
            ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"],
            new InputValueBuilder("reason", "String")
                .Description("Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
                .DefaultValue("\"" + SchemaBuilder.DefaultDeprecationReason + "\""));
        yield return Make(
            "specifiedBy",
            "Exposes a URL that specifies the behavior of this scalar.",
            ["SCALAR"],
            new InputValueBuilder("url", "String!").Description("The URL that specifies the behavior of this scalar."));
        yield return Make(
            "oneOf",
            "Indicates exactly one field must be supplied and this field must not be `null`.",
            ["INPUT_OBJECT"]);
    }
}
