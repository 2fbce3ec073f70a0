using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The spec's CoerceVariableValues(), with graphql-js's messages.</summary>
internal static class VariableValues
{
    /// <summary>The schema type of each of the operation's variable definitions, in order; null where it names no type.</summary>
    public static GraphType?[] TypesOf(Schema schema, OperationDefinitionNode operation) =>
        operation.VariableDefinitions.Select(d => TypeFromAst(schema, d.Type)).ToArray();

    public static IReadOnlyDictionary<string, object?> Coerce(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors, GraphType?[]? types = null)
    {
        var coerced = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);
        ErrorSink? sink = null;
        for (var index = 0; index < operation.VariableDefinitions.Count; index++)
        {
            var definition = operation.VariableDefinitions[index];
            var name = definition.Variable.Name;
            var type = types is null ? TypeFromAst(schema, definition.Type) : types[index];
            if (type is null || !type.IsInputType)
            {
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", ErrorCodes.BadUserInput, LocationOf(definition)));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (InputCoercion.TryCoerceLiteral(definition.DefaultValue, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(GraphQLError.WithCode($"Variable \"${name}\" of required type \"{type}\" was not provided.", ErrorCodes.BadUserInput, LocationOf(definition)));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", ErrorCodes.BadUserInput, LocationOf(definition)));
                continue;
            }

            // One sink per request, not a closure per variable: it is told which variable it reports for.
            sink ??= new ErrorSink(errors);
            sink.Start(definition);
            var result = InputCoercion.CoerceValue(value, type, sink.Path, sink.Report);
            if (!sink.Failed)
            {
                coerced[name] = result;
            }
        }

        return coerced;
    }

    private static List<ErrorLocation> LocationOf(VariableDefinitionNode definition) => [new(definition.Location.Line, definition.Location.Column)];

    private static GraphType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => schema.FindType(named.Name),
        _ => null,
    };

    private sealed class ErrorSink
    {
        private readonly List<GraphQLError> _errors;
        private VariableDefinitionNode? _definition;

        public ErrorSink(List<GraphQLError> errors)
        {
            _errors = errors;
            Report = OnError;
        }

        // Coercion adds and removes its own segments, so the list is empty again after each value.
        public List<object> Path { get; } = [];

        public Action<IReadOnlyList<object>, object?, string> Report { get; }

        public bool Failed { get; private set; }

        public void Start(VariableDefinitionNode definition)
        {
            _definition = definition;
            Failed = false;
        }

        private void OnError(IReadOnlyList<object> path, object? invalid, string message)
        {
            Failed = true;
            var name = _definition!.Variable.Name;
            var at = path.Count > 0 ? $" at \"{name}{string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{p}"))}\"" : string.Empty;
            _errors.Add(GraphQLError.WithCode($"Variable \"${name}\" got invalid value {InputCoercion.Describe(invalid)}{at}; {message}", ErrorCodes.BadUserInput, LocationOf(_definition)));
        }
    }
}
