using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Variable uniqueness (5.8.1).</summary>
internal sealed class UniqueVariableNamesRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.Report($"There can be only one variable named \"${group.Key}\".", [.. group.Select(v => v.Variable)]);
        }
    }
}

/// <summary>All variable uses defined (5.8.3).</summary>
internal sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name).ToHashSet(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                if (!defined.Contains(usage.Node.Name) && reported.Add(usage.Node.Name + "@" + usage.Node.Location.Start))
                {
                    context.Report(
                        operation.Name is null
                            ? $"Variable \"${usage.Node.Name}\" is not defined."
                            : $"Variable \"${usage.Node.Name}\" is not defined by operation \"{operation.Name}\".",
                        usage.Node,
                        operation);
                }
            }
        }
    }
}

/// <summary>All variables used (5.8.4).</summary>
internal sealed class NoUnusedVariablesRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var used = context.RecursiveVariableUsages(operation).Select(u => u.Node.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                if (!used.Contains(definition.Variable.Name))
                {
                    context.Report(
                        operation.Name is null
                            ? $"Variable \"${definition.Variable.Name}\" is never used."
                            : $"Variable \"${definition.Variable.Name}\" is never used in operation \"{operation.Name}\".",
                        definition);
                }
            }
        }
    }
}

/// <summary>All variable usages are allowed (5.8.5).</summary>
internal sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var definitions = operation.VariableDefinitions
                .GroupBy(v => v.Variable.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                if (usage.Type is null || !definitions.TryGetValue(usage.Node.Name, out var definition)
                    || context.TypeFromAst(definition.Type) is not { } variableType)
                {
                    continue;
                }

                if (!AllowedVariableUsage(context.Schema, variableType, definition.DefaultValue, usage.Type, usage.HasLocationDefault))
                {
                    context.Report(
                        $"Variable \"${usage.Node.Name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".",
                        definition,
                        usage.Node);
                }
            }
        }
    }

    private static bool AllowedVariableUsage(Schema schema, GraphType variableType, ValueNode? variableDefault, GraphType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNull && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullDefault && !locationHasDefault)
            {
                return false;
            }

            return schema.IsTypeSubTypeOf(variableType, nonNull.OfType);
        }

        return schema.IsTypeSubTypeOf(variableType, locationType);
    }
}
