using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Introspection;

/// <summary>
/// The introspection types (__Schema, __Type, ...) defined with the same builder as user types;
/// their resolvers read the built type model directly.
/// </summary>
internal static class IntrospectionTypes
{
    public static IEnumerable<object> Builders()
    {
        yield return Object("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.", t => t
            .Field("description", "String", f => f.Resolve(c => Schema(c).Description))
            .Field("types", "[__Type!]!", f => f.Description("A list of all types supported by this server.").Resolve(c => Schema(c).Types))
            .Field("queryType", "__Type!", f => f.Description("The type that query operations will be rooted at.").Resolve(c => Schema(c).Query))
            .Field("mutationType", "__Type", f => f.Description("If this server supports mutation, the type that mutation operations will be rooted at.").Resolve(c => Schema(c).Mutation))
            .Field("subscriptionType", "__Type", f => f.Description("If this server support subscription, the type that subscription operations will be rooted at.").Resolve(_ => null))
            .Field("directives", "[__Directive!]!", f => f.Description("A list of all directives supported by this server.").Resolve(c => Schema(c).Directives)));

        yield return Object("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.", t => t
            .Field("kind", "__TypeKind!", f => f.Resolve(c => ((GraphType)c.Parent!).Kind))
            .Field("name", "String", f => f.Resolve(c => (c.Parent as NamedType)?.Name))
            .Field("description", "String", f => f.Resolve(c => (c.Parent as NamedType)?.Description))
            .Field("specifiedByURL", "String", f => f.Resolve(c => (c.Parent as ScalarGraphType)?.Implementation.SpecifiedByUrl))
            .Field("fields", "[__Field!]", f => f.Argument("includeDeprecated", "Boolean", a => a.DefaultValue("false")).Resolve(c =>
                c.Parent is ComplexGraphType complex ? complex.FieldList.Where(x => IncludeDeprecated(c) || x.DeprecationReason is null).ToList() : null))
            .Field("interfaces", "[__Type!]", f => f.Resolve(c => (c.Parent as ComplexGraphType)?.Interfaces))
            .Field("possibleTypes", "[__Type!]", f => f.Resolve(c =>
                c.Parent is InterfaceGraphType or UnionGraphType ? Schema(c).PossibleTypes((NamedType)c.Parent).ToList() : null))
            .Field("enumValues", "[__EnumValue!]", f => f.Argument("includeDeprecated", "Boolean", a => a.DefaultValue("false")).Resolve(c =>
                c.Parent is EnumGraphType e ? e.Values.Where(x => IncludeDeprecated(c) || x.DeprecationReason is null).ToList() : null))
            .Field("inputFields", "[__InputValue!]", f => f.Argument("includeDeprecated", "Boolean", a => a.DefaultValue("false")).Resolve(c =>
                c.Parent is InputObjectGraphType i ? i.FieldList.Where(x => IncludeDeprecated(c) || x.DeprecationReason is null).ToList() : null))
            .Field("ofType", "__Type", f => f.Resolve(c => c.Parent switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }))
            .Field("isOneOf", "Boolean", f => f.Resolve(c => c.Parent is InputObjectGraphType i ? i.IsOneOf : null)));

        yield return Object("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.", t => t
            .Field("name", "String!", f => f.Resolve(c => ((FieldDefinition)c.Parent!).Name))
            .Field("description", "String", f => f.Resolve(c => ((FieldDefinition)c.Parent!).Description))
            .Field("args", "[__InputValue!]!", f => f.Argument("includeDeprecated", "Boolean", a => a.DefaultValue("false")).Resolve(c =>
                ((FieldDefinition)c.Parent!).Arguments.Where(x => IncludeDeprecated(c) || x.DeprecationReason is null).ToList()))
            .Field("type", "__Type!", f => f.Resolve(c => ((FieldDefinition)c.Parent!).Type))
            .Field("isDeprecated", "Boolean!", f => f.Resolve(c => ((FieldDefinition)c.Parent!).DeprecationReason is not null))
            .Field("deprecationReason", "String", f => f.Resolve(c => ((FieldDefinition)c.Parent!).DeprecationReason)));

        yield return Object("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.", t => t
            .Field("name", "String!", f => f.Resolve(c => ((InputValueDefinition)c.Parent!).Name))
            .Field("description", "String", f => f.Resolve(c => ((InputValueDefinition)c.Parent!).Description))
            .Field("type", "__Type!", f => f.Resolve(c => ((InputValueDefinition)c.Parent!).Type))
            .Field("defaultValue", "String", f => f.Description("A GraphQL-formatted string representing the default value for this input value.").Resolve(c =>
                c.Parent is InputValueDefinition { HasDefault: true } v ? ValueLiterals.Print(v.DefaultValue, v.Type) : null))
            .Field("isDeprecated", "Boolean!", f => f.Resolve(c => ((InputValueDefinition)c.Parent!).DeprecationReason is not null))
            .Field("deprecationReason", "String", f => f.Resolve(c => ((InputValueDefinition)c.Parent!).DeprecationReason)));

        yield return Object("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.", t => t
            .Field("name", "String!", f => f.Resolve(c => ((EnumValueDefinition)c.Parent!).Name))
            .Field("description", "String", f => f.Resolve(c => ((EnumValueDefinition)c.Parent!).Description))
            .Field("isDeprecated", "Boolean!", f => f.Resolve(c => ((EnumValueDefinition)c.Parent!).DeprecationReason is not null))
            .Field("deprecationReason", "String", f => f.Resolve(c => ((EnumValueDefinition)c.Parent!).DeprecationReason)));

        yield return Object("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.", t => t
            .Field("name", "String!", f => f.Resolve(c => ((DirectiveDefinition)c.Parent!).Name))
            .Field("description", "String", f => f.Resolve(c => ((DirectiveDefinition)c.Parent!).Description))
            .Field("isRepeatable", "Boolean!", f => f.Resolve(c => ((DirectiveDefinition)c.Parent!).IsRepeatable))
            .Field("locations", "[__DirectiveLocation!]!", f => f.Resolve(c => ((DirectiveDefinition)c.Parent!).Locations))
            .Field("args", "[__InputValue!]!", f => f.Argument("includeDeprecated", "Boolean", a => a.DefaultValue("false")).Resolve(c =>
                ((DirectiveDefinition)c.Parent!).Arguments.Where(x => IncludeDeprecated(c) || x.DeprecationReason is null).ToList())));

        var kinds = new EnumTypeBuilder("__TypeKind").Description("An enum describing what kind of type a given `__Type` is.");
        foreach (var (kind, name) in new[]
        {
            (TypeKind.Scalar, "SCALAR"), (TypeKind.Object, "OBJECT"), (TypeKind.Interface, "INTERFACE"), (TypeKind.Union, "UNION"),
            (TypeKind.Enum, "ENUM"), (TypeKind.InputObject, "INPUT_OBJECT"), (TypeKind.List, "LIST"), (TypeKind.NonNull, "NON_NULL"),
        })
        {
            kinds.Value(name, kind, $"Indicates this type is {Article(name)}.");
        }

        yield return kinds;

        var locations = new EnumTypeBuilder("__DirectiveLocation").Description("A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
        foreach (var location in new[]
        {
            "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION",
            "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE",
            "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
        })
        {
            locations.Value(location, location, $"Location adjacent to {location.ToLowerInvariant().Replace('_', ' ')}.");
        }

        yield return locations;
    }

    private static ObjectTypeBuilder Object(string name, string description, Action<ObjectTypeBuilder> configure)
    {
        var builder = new ObjectTypeBuilder(name).Description(description);
        configure(builder);
        return builder;
    }

    private static Schema Schema(IResolverContext context) => ((ResolverContext)context).Schema;

    private static bool IncludeDeprecated(IResolverContext context) => context.Arguments.GetValueOrDefault("includeDeprecated") is true;

    private static string Article(string kind) => kind switch
    {
        "SCALAR" => "a scalar",
        "OBJECT" => "an object. `fields` and `interfaces` are valid fields",
        "INTERFACE" => "an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields",
        "UNION" => "a union. `possibleTypes` is a valid field",
        "ENUM" => "an enum. `enumValues` is a valid field",
        "INPUT_OBJECT" => "an input object. `inputFields` is a valid field",
        "LIST" => "a list. `ofType` is a valid field",
        _ => "a non-null. `ofType` is a valid field",
    };
}
