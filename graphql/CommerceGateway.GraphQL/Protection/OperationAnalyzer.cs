using System.Globalization;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Protection;

/// <summary>
/// Measures an operation before it runs: nesting depth, aliases, field selections and cost. Cost is
/// each field's declared cost times the sizes of the lists around it; a list's size is its
/// <c>first</c>/<c>last</c>/<c>limit</c>/<c>take</c> argument, else the configured default.
/// Introspection is not counted: its shape is fixed and it can be turned off instead.
/// </summary>
internal sealed class OperationAnalyzer
{
    private static readonly string[] SizeArguments = ["first", "last", "limit", "take"];
    private readonly Schema _schema;
    private readonly GraphQLLimits _limits;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private int _aliases;
    private int _fields;
    private int _maxDepth;
    private bool _readVariables;

    private OperationAnalyzer(Schema schema, GraphQLLimits limits, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _limits = limits;
        _variables = variables;
        _fragments = fragments;
    }

    /// <summary>The first limit the operation breaks, as a client error, or null when it is within every limit.</summary>
    public static GraphQLError? Check(Schema schema, GraphQLLimits limits, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables) =>
        Check(schema, limits, document.Definitions.OfType<FragmentDefinitionNode>().GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First()), operation, variables, out _);

    /// <summary>
    /// As above with the document's fragments by name (the first of each name); <paramref name="readVariables"/>
    /// tells whether a variable's value (a list size) entered the verdict, so whether it may be reused for other values.
    /// </summary>
    public static GraphQLError? Check(
        Schema schema,
        GraphQLLimits limits,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        out bool readVariables)
    {
        var analyzer = new OperationAnalyzer(schema, limits, fragments, variables);
        var verdict = analyzer.Verdict(operation);
        readVariables = analyzer._readVariables;
        return verdict;
    }

    private GraphQLError? Verdict(OperationDefinitionNode operation)
    {
        var root = operation.Operation == OperationType.Mutation ? (NamedType?)_schema.Mutation : _schema.Query;
        var cost = Measure(operation.SelectionSet, root, 1, 1, []);
        var location = new List<ErrorLocation> { new(operation.Location.Line, operation.Location.Column) };
        if (_maxDepth > _limits.MaxDepth)
        {
            return GraphQLError.WithCode($"The operation nests fields {_maxDepth} deep; the limit is {_limits.MaxDepth}.", ErrorCodes.MaxDepthExceeded, location);
        }

        if (_aliases > _limits.MaxAliases)
        {
            return GraphQLError.WithCode($"The operation uses {_aliases} aliases; the limit is {_limits.MaxAliases}.", ErrorCodes.MaxAliasesExceeded, location);
        }

        if (_fields > _limits.MaxFields)
        {
            return GraphQLError.WithCode($"The operation selects {_fields} fields; the limit is {_limits.MaxFields}.", ErrorCodes.MaxFieldsExceeded, location);
        }

        return cost > _limits.MaxCost
            ? GraphQLError.WithCode($"The operation's estimated cost is {cost.ToString("0", CultureInfo.InvariantCulture)}; the limit is {_limits.MaxCost}.", ErrorCodes.MaxCostExceeded, location)
            : null;
    }

    private double Measure(SelectionSetNode selectionSet, NamedType? parent, int depth, double multiplier, HashSet<string> fragmentPath)
    {
        double cost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (field.Name.StartsWith("__", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    _fields++;
                    if (field.Alias is not null)
                    {
                        _aliases++;
                    }

                    _maxDepth = Math.Max(_maxDepth, depth);
                    var definition = parent is ComplexGraphType complex ? complex.Fields.GetValueOrDefault(field.Name) : null;
                    cost += multiplier * (definition?.Cost ?? 1);
                    if (field.SelectionSet is not null)
                    {
                        var size = definition is not null && IsList(definition.Type) ? ListSize(field) : 1;
                        cost += Measure(field.SelectionSet, definition?.Type.NamedType, depth + 1, multiplier * size, fragmentPath);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parent : _schema.FindType(inline.TypeCondition.Name);
                    cost += Measure(inline.SelectionSet, inlineType, depth, multiplier, fragmentPath);
                    break;
                case FragmentSpreadNode spread:
                    if (_fragments.TryGetValue(spread.Name, out var fragment) && fragmentPath.Add(spread.Name))
                    {
                        cost += Measure(fragment.SelectionSet, _schema.FindType(fragment.TypeCondition.Name), depth, multiplier, fragmentPath);
                        fragmentPath.Remove(spread.Name);
                    }

                    break;
                default:
                    break;
            }
        }

        return cost;
    }

    private static bool IsList(GraphType type) => type.Nullable is ListType;

    private object? ReadVariable(string name)
    {
        _readVariables = true;
        return _variables.GetValueOrDefault(name);
    }

    private int ListSize(FieldNode field)
    {
        foreach (var argument in field.Arguments)
        {
            if (!SizeArguments.Contains(argument.Name))
            {
                continue;
            }

            var value = argument.Value switch
            {
                IntValueNode i => int.TryParse(i.Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null,
                VariableNode v => ReadVariable(v.Name) switch
                {
                    int n => n,
                    long n => (int)Math.Min(n, int.MaxValue),
                    _ => null,
                },
                _ => null,
            };
            if (value is { } size)
            {
                return Math.Max(size, 0);
            }
        }

        return _limits.DefaultListSize;
    }
}
