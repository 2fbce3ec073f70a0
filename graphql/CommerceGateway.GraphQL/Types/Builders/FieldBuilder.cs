using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures one field of an object or interface type.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, string type)
    {
        Name = name;
        TypeReference = type;
    }

    internal string Name { get; }

    internal string TypeReference { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    internal List<InputValueBuilder> Arguments { get; } = [];

    internal Func<IResolverContext, ValueTask<object?>>? Resolver { get; private set; }

    internal int CostValue { get; private set; } = 1;

    /// <summary>Sets the description shown in introspection and SDL.</summary>
    public FieldBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Marks the field deprecated with <paramref name="reason"/>.</summary>
    public FieldBuilder Deprecated(string reason = SchemaBuilder.DefaultDeprecationReason)
    {
        DeprecationReason = reason;
        return this;
    }

    /// <summary>Adds an argument of the given SDL type, e.g. <c>ID!</c> or <c>[String!]</c>.</summary>
    public FieldBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, type);
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }

    /// <summary>Resolves the field synchronously.</summary>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Resolver = context => new ValueTask<object?>(resolver(context));
        return this;
    }

    /// <summary>Resolves the field asynchronously; use <see cref="IResolverContext.CancellationToken"/> for I/O.</summary>
    public FieldBuilder ResolveAsync(Func<IResolverContext, ValueTask<object?>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Resolver = resolver;
        return this;
    }

    /// <summary>Resolves the field with a task-returning method.</summary>
    public FieldBuilder ResolveAsync<T>(Func<IResolverContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Resolver = async context => await resolver(context);
        return this;
    }

    /// <summary>Sets what the field adds to an operation's cost (default 1); list arguments multiply it.</summary>
    public FieldBuilder Cost(int cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        CostValue = cost;
        return this;
    }
}
