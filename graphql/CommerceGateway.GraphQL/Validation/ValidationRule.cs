using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Validation;

/// <summary>
/// One validation rule. The walker calls every rule at each node with type information already
/// computed, so a document is traversed once for all rules (as graphql-js's ParallelVisitor does).
/// </summary>
internal abstract class ValidationRule
{
    public virtual void EnterDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void LeaveDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
    }

    public virtual void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
    }

    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode node)
    {
    }

    public virtual void EnterField(ValidationContext context, FieldNode node)
    {
    }

    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
    }

    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
    }

    public virtual void EnterDirective(ValidationContext context, DirectiveNode node, SyntaxNode owner)
    {
    }

    public virtual void EnterArgument(ValidationContext context, ArgumentNode node)
    {
    }

    public virtual void EnterValue(ValidationContext context, ValueNode node)
    {
    }

    public virtual void EnterObjectField(ValidationContext context, ObjectFieldNode node)
    {
    }

    public virtual void EnterNamedType(ValidationContext context, NamedTypeNode node)
    {
    }

    public virtual void EnterTypeSystemDefinition(ValidationContext context, TypeSystemNode node)
    {
    }
}
