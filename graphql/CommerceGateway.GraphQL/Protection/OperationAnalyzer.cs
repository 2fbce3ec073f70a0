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
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private int _aliases;
    private int _fields;
    private int _maxDepth;

    private OperationAnalyzer(Schema schema, GraphQLLimits limits, DocumentNode document, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _limits = limits;
        _variables = variables;
        _fragments = document.Definitions.OfType<FragmentDefinitionNode>().GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The first limit the operation breaks, as a client error, or null when it is within every limit.</summary>
    public static GraphQLError? Check(Schema schema, GraphQLLimits limits, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables)
    {
        var analyzer = new OperationAnalyzer(schema, limits, document, variables);
        var root = operation.Operation == OperationType.Mutation ? (NamedType?)schema.Mutation : schema.Query;
        var cost = analyzer.Measure(operation.SelectionSet, root, 1, 1, []);
        var location = new List<ErrorLocation> { new(operation.Location.Line, operation.Location.Column) };
        if (analyzer._maxDepth > limits.MaxDepth)
        {
            return GraphQLError.WithCode($"The operation nests fields {analyzer._maxDepth} deep; the limit is {limits.MaxDepth}.", ErrorCodes.MaxDepthExceeded, location);
        }

        if (analyzer._aliases > limits.MaxAliases)
        {
            return GraphQLError.WithCode($"The operation uses {analyzer._aliases} aliases; the limit is {limits.MaxAliases}.", ErrorCodes.MaxAliasesExceeded, location);
        }

        if (analyzer._fields > limits.MaxFields)
        {
            return GraphQLError.WithCode($"The operation selects {analyzer._fields} fields; the limit is {limits.MaxFields}.", ErrorCodes.MaxFieldsExceeded, location);
        }

        return cost > limits.MaxCost
            ? GraphQLError.WithCode($"The operation's estimated cost is {cost.ToString("0", CultureInfo.InvariantCulture)}; the limit is {limits.MaxCost}.", ErrorCodes.MaxCostExceeded, location)
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
                VariableNode v => _variables.GetValueOrDefault(v.Name) switch
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
