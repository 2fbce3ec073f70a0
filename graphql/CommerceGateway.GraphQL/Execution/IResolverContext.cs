namespace CommerceGateway.GraphQL.Execution;

/// <summary>What a field resolver sees: its parent value, coerced arguments and the request.</summary>
public interface IResolverContext
{
    /// <summary>The value the parent field resolved to; null for root fields unless a root value was given.</summary>
    object? Parent { get; }

    /// <summary>The field's schema name (not its alias).</summary>
    string FieldName { get; }

    /// <summary>Coerced argument values, defaults applied. Input objects are string-keyed dictionaries, lists are lists.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Cancelled when the client goes away or the request times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The request's service provider.</summary>
    IServiceProvider Services { get; }

    /// <summary>State shared by every resolver of one request (for example a data loader).</summary>
    IDictionary<string, object?> Items { get; }

    /// <summary>The response path of this field, e.g. <c>["cart", "lines", 0, "price"]</c>.</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>The argument <paramref name="name"/> converted to <typeparamref name="T"/>, or default when absent or null.</summary>
    T? Argument<T>(string name);
}
