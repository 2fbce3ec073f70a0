using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// The spec's ExecuteOperation(): query fields start together and are awaited together; mutation
/// root fields run one after another. Work that completes synchronously never allocates a task.
/// </summary>
internal static partial class Executor
{
    public static async Task<ExecutionResult> ExecuteAsync(RequestExecution execution)
    {
        var operation = execution.Operation;
        var isMutation = operation.Operation == OperationType.Mutation;
        var root = isMutation ? execution.Schema.Mutation! : execution.Schema.Query;
        var fields = FieldCollector.Collect(execution, root, operation.SelectionSet);
        ResultMap? data;
        try
        {
            data = isMutation
                ? await ExecuteSeriallyAsync(execution, root, execution.RootValue, fields)
                : await ExecuteFields(execution, root, execution.RootValue, fields, null);
        }
        catch (NullPropagationException)
        {
            data = null;
        }

        return new ExecutionResult(true, data, execution.Errors);
    }

    private static async ValueTask<ResultMap> ExecuteSeriallyAsync(RequestExecution execution, ObjectGraphType type, object? source, CollectedFields fields)
    {
        var map = new ResultMap(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields.Fields[i];
            var definition = field.DefinitionFor(execution.Schema, type);
            map.Set(i, await ExecuteField(execution, type, source, definition, field, null));
        }

        return map;
    }

    private static ValueTask<ResultMap> ExecuteFields(RequestExecution execution, ObjectGraphType type, object? source, CollectedFields fields, ResponsePath? path)
    {
        var map = new ResultMap(fields);
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var list = fields.Fields;
        for (var i = 0; i < list.Count; i++)
        {
            var field = list[i];
            var definition = field.DefinitionFor(execution.Schema, type);
            if (field.PlainLeaf(definition) is { } leaf)
            {
                map.Set(i, ExecuteLeaf(execution, type, source, definition, field, path, leaf));
                continue;
            }

            var task = ExecuteField(execution, type, source, definition, field, path);
            if (task.IsCompletedSuccessfully)
            {
                map.Set(i, task.Result);
            }
            else
            {
                (pending ??= []).Add((i, task));
            }
        }

        return pending is null ? new ValueTask<ResultMap>(map) : AwaitFields(map, pending);
    }

    private static async ValueTask<ResultMap> AwaitFields(ResultMap map, List<(int Index, ValueTask<object?> Task)> pending)
    {
        NullPropagationException? propagation = null;
        foreach (var (index, task) in pending)
        {
            try
            {
                map.Set(index, await task);
            }
            catch (NullPropagationException e)
            {
                // Keep awaiting the siblings so every error is recorded before the parent becomes null.
                propagation = e;
            }
        }

        return propagation is null ? map : throw propagation;
    }

    internal static FieldDefinition FieldDefinitionFor(Schema schema, ComplexGraphType type, string name)
    {
        if (type.Fields.TryGetValue(name, out var field))
        {
            return field;
        }

        return name switch
        {
            "__typename" => MetaFields.TypeName,
            "__schema" when type == schema.Query => MetaFields.SchemaField(schema),
            "__type" when type == schema.Query => MetaFields.TypeField(schema),
            _ => throw new FieldErrorException($"Cannot query field \"{name}\" on type \"{type.Name}\"."),
        };
    }

    private static ValueTask<object?> ExecuteField(
        RequestExecution execution, ObjectGraphType parentType, object? source, FieldDefinition field, CollectedField collected, ResponsePath? parentPath)
    {
        if (ReferenceEquals(field, MetaFields.TypeName))
        {
            return new ValueTask<object?>(parentType.Name);
        }

        // A leaf resolved by the default resolver needs its path only for an error, so it is made then.
        var path = collected.NeedsPath(field) ? new ResponsePath(parentPath, collected.Key) : null;
        try
        {
            var arguments = collected.ArgumentsFor(field, execution.Variables);
            object? result;
            if (field.Resolver is null)
            {
                result = collected.ResolveByDefault(source, field.Name);
            }
            else
            {
                var resolved = field.Resolver(new ResolverContext(execution, source, field, arguments, path!));
                if (!resolved.IsCompletedSuccessfully)
                {
                    return AwaitResolver(execution, parentType, field, collected, path!, resolved);
                }

                result = resolved.Result;
            }

            var completed = CompleteValue(execution, field.Type, collected, result, path, parentType, field);
            return completed.IsCompletedSuccessfully ? completed : AwaitCompletion(execution, field.Type, collected, path!, completed);
        }
        catch (Exception exception) when (IsFieldFailure(execution, exception))
        {
            return new ValueTask<object?>(HandleError(execution, exception, field.Type, collected.Nodes, path ?? new ResponsePath(parentPath, collected.Key)));
        }
    }

    /// <summary>
    /// <see cref="ExecuteField"/> and <see cref="CompleteValue"/> for a scalar or enum field without
    /// arguments or resolver: the same steps and errors, without the value task and the type walk.
    /// </summary>
    private static object? ExecuteLeaf(
        RequestExecution execution, ObjectGraphType parentType, object? source, FieldDefinition field, CollectedField collected, ResponsePath? parentPath, NamedType leaf)
    {
        try
        {
            var result = collected.ResolveByDefault(source, field.Name);
            if (result is null)
            {
                return field.Type is NonNullType
                    ? throw new FieldErrorException($"Cannot return null for non-nullable field {parentType.Name}.{field.Name}.")
                    : null;
            }

            return leaf is ScalarGraphType scalar ? scalar.Implementation.Serialize(result) : SerializeEnum((EnumGraphType)leaf, result);
        }
        catch (Exception exception) when (IsFieldFailure(execution, exception))
        {
            return HandleError(execution, exception, field.Type, collected.Nodes, new ResponsePath(parentPath, collected.Key));
        }
    }

    private static async ValueTask<object?> AwaitResolver(
        RequestExecution execution, ObjectGraphType parentType, FieldDefinition field, CollectedField collected, ResponsePath path, ValueTask<object?> resolved)
    {
        try
        {
            var result = await resolved;
            return await CompleteValue(execution, field.Type, collected, result, path, parentType, field);
        }
        catch (Exception exception) when (IsFieldFailure(execution, exception))
        {
            return HandleError(execution, exception, field.Type, collected.Nodes, path);
        }
    }

    private static async ValueTask<object?> AwaitCompletion(RequestExecution execution, GraphType type, CollectedField collected, ResponsePath path, ValueTask<object?> completed)
    {
        try
        {
            return await completed;
        }
        catch (Exception exception) when (IsFieldFailure(execution, exception))
        {
            return HandleError(execution, exception, type, collected.Nodes, path);
        }
    }

    private static bool IsFieldFailure(RequestExecution execution, Exception exception) =>
        exception is not OperationCanceledException || !execution.CancellationToken.IsCancellationRequested;

    /// <summary>Records the error (unless it is a propagation marker) and nulls this position, or propagates when it is non-null.</summary>
    private static object? HandleError(RequestExecution execution, Exception exception, GraphType type, List<FieldNode> nodes, ResponsePath path)
    {
        if (exception is not NullPropagationException)
        {
            var locations = nodes.Select(n => new ErrorLocation(n.Location.Line, n.Location.Column)).ToList();
            execution.AddError(execution.ErrorReporter.Report(exception, locations, path.ToList()));
        }

        return type is NonNullType ? throw NullPropagationException.Instance : null;
    }
}
