using System.Collections;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The spec's CompleteValue(): non-null checks, lists, leaves, abstract type resolution and sub-selections.</summary>
internal static partial class Executor
{
    /// <remarks><paramref name="path"/> is null only when <paramref name="type"/> is a leaf, which never needs it.</remarks>
    private static ValueTask<object?> CompleteValue(
        RequestExecution execution, GraphType type, CollectedField collected, object? result, ResponsePath? path, ObjectGraphType parentType, FieldDefinition field)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(execution, nonNull.OfType, collected, result, path, parentType, field);
            if (!inner.IsCompletedSuccessfully)
            {
                return AwaitNonNull(inner, parentType, field);
            }

            return inner.Result is null
                ? throw new FieldErrorException($"Cannot return null for non-nullable field {parentType.Name}.{field.Name}.")
                : inner;
        }

        if (result is null)
        {
            return default;
        }

        switch (type)
        {
            case ListType list:
                return CompleteList(execution, list, collected, result, path!, parentType, field);
            case ScalarGraphType scalar:
                return new ValueTask<object?>(scalar.Implementation.Serialize(result));
            case EnumGraphType enumType:
                return new ValueTask<object?>(SerializeEnum(enumType, result));
            case ObjectGraphType objectType:
                if (objectType.IsTypeOf is not null && !objectType.IsTypeOf(result))
                {
                    throw new FieldErrorException($"Expected value of type \"{objectType.Name}\" but got: {InputCoercion.Describe(result)}.");
                }

                return CompleteObject(execution, objectType, collected, result, path!);
            default:
                return CompleteObject(execution, ResolveRuntimeType(execution, (NamedType)type, result, parentType, field), collected, result, path!);
        }
    }

    private static async ValueTask<object?> AwaitNonNull(ValueTask<object?> inner, ObjectGraphType parentType, FieldDefinition field) =>
        await inner ?? throw new FieldErrorException($"Cannot return null for non-nullable field {parentType.Name}.{field.Name}.");

    private static ValueTask<object?> CompleteObject(RequestExecution execution, ObjectGraphType type, CollectedField collected, object result, ResponsePath path)
    {
        var fields = FieldCollector.CollectSubfields(execution, type, collected);
        var map = ExecuteFields(execution, type, result, fields, path);
        return map.IsCompletedSuccessfully ? new ValueTask<object?>(map.Result) : AwaitObject(map);
    }

    private static async ValueTask<object?> AwaitObject(ValueTask<ResultMap> map) => await map;

    private static ValueTask<object?> CompleteList(
        RequestExecution execution, ListType type, CollectedField collected, object result, ResponsePath path, ObjectGraphType parentType, FieldDefinition field)
    {
        if (result is string || result is IDictionary || result is not IEnumerable items)
        {
            throw new FieldErrorException($"Expected Iterable, but did not find one for field \"{parentType.Name}.{field.Name}\".");
        }

        var completed = new List<object?>(result is ICollection collection ? collection.Count : 4);
        List<(int Index, ValueTask<object?> Task, ResponsePath Path)>? pending = null;
        var index = 0;
        var itemsNeedPaths = !IsLeaf(type.OfType);
        foreach (var item in items)
        {
            // Leaf items need their path only for an error, so it is made then.
            var itemPath = itemsNeedPaths ? new ResponsePath(path, ResponsePath.Index(index)) : null;
            ValueTask<object?> task;
            try
            {
                task = CompleteValue(execution, type.OfType, collected, item, itemPath, parentType, field);
            }
            catch (Exception exception) when (IsFieldFailure(execution, exception))
            {
                task = new ValueTask<object?>(HandleError(execution, exception, type.OfType, collected.Nodes, itemPath ?? new ResponsePath(path, ResponsePath.Index(index))));
            }

            if (task.IsCompletedSuccessfully)
            {
                completed.Add(task.Result);
            }
            else
            {
                completed.Add(null);
                (pending ??= []).Add((index, task, itemPath ?? new ResponsePath(path, ResponsePath.Index(index))));
            }

            index++;
        }

        return pending is null ? new ValueTask<object?>(completed) : AwaitList(execution, type, collected.Nodes, completed, pending);
    }

    private static async ValueTask<object?> AwaitList(
        RequestExecution execution, ListType type, List<FieldNode> nodes, List<object?> completed, List<(int Index, ValueTask<object?> Task, ResponsePath Path)> pending)
    {
        NullPropagationException? propagation = null;
        foreach (var (index, task, path) in pending)
        {
            try
            {
                completed[index] = await task;
            }
            catch (Exception exception) when (IsFieldFailure(execution, exception))
            {
                try
                {
                    completed[index] = HandleError(execution, exception, type.OfType, nodes, path);
                }
                catch (NullPropagationException e)
                {
                    propagation = e;
                }
            }
        }

        return propagation is null ? completed : throw propagation;
    }

    /// <summary>True for scalars and enums (non-null or not): completing them never reads the response path.</summary>
    internal static bool IsLeaf(GraphType type) => (type is NonNullType nonNull ? nonNull.OfType : type) is ScalarGraphType or EnumGraphType;

    private static string SerializeEnum(EnumGraphType type, object value)
    {
        if (type.ByValue.TryGetValue(value, out var definition))
        {
            return definition.Name;
        }

        if (value is string name && type.ByName.ContainsKey(name))
        {
            return name;
        }

        throw new FieldErrorException($"Enum \"{type.Name}\" cannot represent value: {InputCoercion.Describe(value)}");
    }

    private static ObjectGraphType ResolveRuntimeType(RequestExecution execution, NamedType abstractType, object value, ObjectGraphType parentType, FieldDefinition field)
    {
        var resolver = abstractType switch
        {
            InterfaceGraphType i => i.ResolveType,
            UnionGraphType u => u.ResolveType,
            _ => null,
        };
        var name = resolver?.Invoke(value);
        if (name is null && value is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault("__typename") is string typename)
        {
            name = typename;
        }

        if (name is null)
        {
            foreach (var candidate in execution.Schema.PossibleTypes(abstractType))
            {
                if (candidate.IsTypeOf?.Invoke(value) == true || candidate.RuntimeType?.IsInstanceOfType(value) == true)
                {
                    return candidate;
                }
            }

            throw new FieldErrorException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{parentType.Name}.{field.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        if (execution.Schema.FindType(name) is not ObjectGraphType runtimeType)
        {
            throw new FieldErrorException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        }

        return execution.Schema.IsPossibleType(abstractType, runtimeType)
            ? runtimeType
            : throw new FieldErrorException($"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".");
    }
}
