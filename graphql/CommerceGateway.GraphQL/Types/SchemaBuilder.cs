using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// Describes a schema in code. <see cref="Build"/> checks it against the spec's type-system rules
/// and returns an immutable <see cref="Schema"/>; the builder itself can be reused.
/// </summary>
/// <example>
/// <code>
/// var schema = new SchemaBuilder()
///     .Query(q => q.Field("hello", "String!", f => f.Resolve(_ => "world")))
///     .Build();
/// </code>
/// </example>
public sealed class SchemaBuilder
{
    /// <summary>The reason <c>@deprecated</c> reports when none is given.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    internal List<object> TypeBuilders { get; } = [];

    internal List<DirectiveBuilder> DirectiveBuilders { get; } = [];

    internal string? DescriptionText { get; private set; }

    internal string QueryTypeName { get; private set; } = "Query";

    internal string? MutationTypeName { get; private set; }

    /// <summary>Sets the schema description.</summary>
    public SchemaBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Defines the query root type, named <c>Query</c>.</summary>
    public SchemaBuilder Query(Action<ObjectTypeBuilder> configure) => Query("Query", configure);

    /// <summary>Defines the query root type under a custom name.</summary>
    public SchemaBuilder Query(string typeName, Action<ObjectTypeBuilder> configure)
    {
        QueryTypeName = typeName;
        return Type(typeName, configure);
    }

    /// <summary>Defines the mutation root type, named <c>Mutation</c>. Its fields run one after another.</summary>
    public SchemaBuilder Mutation(Action<ObjectTypeBuilder> configure) => Mutation("Mutation", configure);

    /// <summary>Defines the mutation root type under a custom name.</summary>
    public SchemaBuilder Mutation(string typeName, Action<ObjectTypeBuilder> configure)
    {
        MutationTypeName = typeName;
        return Type(typeName, configure);
    }

    /// <summary>Defines an object type.</summary>
    public SchemaBuilder Type(string name, Action<ObjectTypeBuilder> configure) => Add(new ObjectTypeBuilder(name), configure);

    /// <summary>Defines an interface type.</summary>
    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure) => Add(new InterfaceTypeBuilder(name), configure);

    /// <summary>Defines a union type.</summary>
    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure) => Add(new UnionTypeBuilder(name), configure);

    /// <summary>Defines an enum type.</summary>
    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure) => Add(new EnumTypeBuilder(name), configure);

    /// <summary>Defines an input object type.</summary>
    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure) => Add(new InputObjectTypeBuilder(name), configure);

    /// <summary>Adds a custom scalar such as <see cref="DateTimeScalar"/> or <see cref="DecimalScalar"/>.</summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        TypeBuilders.Add(scalar);
        return this;
    }

    /// <summary>Declares a custom directive.</summary>
    public SchemaBuilder Directive(string name, Action<DirectiveBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var directive = new DirectiveBuilder(name);
        configure(directive);
        DirectiveBuilders.Add(directive);
        return this;
    }

    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaValidationException">The schema breaks a type-system rule; the message lists every problem.</exception>
    public Schema Build() => new SchemaFactory(this).Create();

    private SchemaBuilder Add<T>(T builder, Action<T> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder);
        TypeBuilders.Add(builder!);
        return this;
    }
}
