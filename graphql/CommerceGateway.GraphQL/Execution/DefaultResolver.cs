using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// Resolves a field without a resolver: dictionary entries by key, otherwise a public property
/// with the field's name (case-insensitive) through a getter compiled once per CLR type.
/// </summary>
internal static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();
    private static readonly object True = true;
    private static readonly object False = false;

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(fieldName);
            case IDictionary<string, object?> map:
                return map.TryGetValue(fieldName, out var value) ? value : null;
            default:
                var getter = Getters.GetOrAdd((source.GetType(), fieldName), static key => Compile(key.Item1, key.Item2));
                return getter?.Invoke(source);
        }
    }

    /// <summary>The compiled getter of <paramref name="fieldName"/> on <paramref name="type"/>, or null when it has none.</summary>
    public static Func<object, object?>? GetterFor(Type type, string fieldName) =>
        Getters.GetOrAdd((type, fieldName), static key => Compile(key.Item1, key.Item2));

    private static Func<object, object?>? Compile(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property?.GetMethod is null || property.GetIndexParameters().Length > 0)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var value = Expression.Property(Expression.Convert(parameter, type), property);

        // Booleans come back as two shared boxes instead of a new one per read.
        Expression body = property.PropertyType == typeof(bool)
            ? Expression.Condition(value, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
            : Expression.Convert(value, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
