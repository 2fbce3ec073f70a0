using CommerceGateway.GraphQL.Validation.Rules;

namespace CommerceGateway.GraphQL.Validation;

/// <summary>The rules of the spec's Validation section, in graphql-js's specifiedRules order.</summary>
internal static class SpecifiedRules
{
    public static IReadOnlyList<ValidationRule> Create(bool introspectionEnabled)
    {
        var rules = new List<ValidationRule>
        {
            new ExecutableDefinitionsRule(),
            new UniqueOperationNamesRule(),
            new LoneAnonymousOperationRule(),
            new SingleFieldSubscriptionsRule(),
            new KnownTypeNamesRule(),
            new FragmentsOnCompositeTypesRule(),
            new VariablesAreInputTypesRule(),
            new ScalarLeafsRule(),
            new FieldsOnCorrectTypeRule(),
            new UniqueFragmentNamesRule(),
            new KnownFragmentNamesRule(),
            new NoUnusedFragmentsRule(),
            new PossibleFragmentSpreadsRule(),
            new NoFragmentCyclesRule(),
            new UniqueVariableNamesRule(),
            new NoUndefinedVariablesRule(),
            new NoUnusedVariablesRule(),
            new KnownDirectivesRule(),
            new UniqueDirectivesPerLocationRule(),
            new KnownArgumentNamesRule(),
            new UniqueArgumentNamesRule(),
            new ValuesOfCorrectTypeRule(),
            new ProvidedRequiredArgumentsRule(),
            new VariablesInAllowedPositionRule(),
            new OverlappingFieldsCanBeMergedRule(),
            new UniqueInputFieldNamesRule(),
            new MaxIntrospectionDepthRule(),
        };
        if (!introspectionEnabled)
        {
            rules.Add(new NoSchemaIntrospectionRule());
        }

        return rules;
    }
}
