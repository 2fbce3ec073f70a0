using System.Globalization;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The resolver context handed to each field resolver.</summary>
internal sealed class ResolverContext(
    RequestExecution execution,
    object? parent,
    FieldDefinition fieldDefinition,
    IReadOnlyDictionary<string, object?> arguments,
    ResponsePath path) : IResolverContext
{
    public object? Parent { get; } = parent;

    public string FieldName => fieldDefinition.Name;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public IServiceProvider Services => execution.Services;

    public IDictionary<string, object?> Items => execution.Items;

    public IReadOnlyList<object> Path => path.ToList();

    public Schema Schema => execution.Schema;

    public T? Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return target.IsEnum && value is string text
            ? (T)Enum.Parse(target, text, ignoreCase: true)
            : (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
