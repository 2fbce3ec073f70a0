using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Directives are defined and in valid locations (5.7.1, 5.7.2).</summary>
internal sealed class KnownDirectivesRule : ValidationRule
{
    public override void EnterDirective(ValidationContext context, DirectiveNode node, SyntaxNode owner)
    {
        if (context.Directive is not { } definition)
        {
            context.Report($"Unknown directive \"@{node.Name}\".", node);
            return;
        }

        var location = owner switch
        {
            OperationDefinitionNode { Operation: OperationType.Query } => "QUERY",
            OperationDefinitionNode { Operation: OperationType.Mutation } => "MUTATION",
            OperationDefinitionNode => "SUBSCRIPTION",
            FieldNode => "FIELD",
            FragmentSpreadNode => "FRAGMENT_SPREAD",
            InlineFragmentNode => "INLINE_FRAGMENT",
            FragmentDefinitionNode => "FRAGMENT_DEFINITION",
            VariableDefinitionNode => "VARIABLE_DEFINITION",
            _ => null,
        };
        if (location is not null && !definition.Locations.Contains(location))
        {
            context.Report($"Directive \"@{node.Name}\" may not be used on {location}.", node);
        }
    }
}

/// <summary>Directives are unique per location unless repeatable (5.7.3).</summary>
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private readonly Dictionary<SyntaxNode, HashSet<string>> _seen = new(ReferenceEqualityComparer.Instance);

    public override void EnterDirective(ValidationContext context, DirectiveNode node, SyntaxNode owner)
    {
        if (context.Directive is not { IsRepeatable: false })
        {
            return;
        }

        if (!_seen.TryGetValue(owner, out var names))
        {
            _seen[owner] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        if (!names.Add(node.Name))
        {
            var first = ((IReadOnlyList<DirectiveNode>)(owner switch
            {
                SelectionNode s => s.Directives,
                OperationDefinitionNode o => o.Directives,
                FragmentDefinitionNode f => f.Directives,
                VariableDefinitionNode v => v.Directives,
                _ => [],
            })).First(d => d.Name == node.Name);
            context.Report($"The directive \"@{node.Name}\" can only be used once at this location.", first, node);
        }
    }
}
