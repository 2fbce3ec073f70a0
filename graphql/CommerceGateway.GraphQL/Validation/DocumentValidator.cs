using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;
using CommerceGateway.GraphQL.Validation.Rules;

namespace CommerceGateway.GraphQL.Validation;

/// <summary>
/// Validates a document against a schema with every rule of the spec (graphql-js specifiedRules),
/// walking the document once and tracking types the way graphql-js's TypeInfo does.
/// </summary>
internal static class DocumentValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, bool introspectionEnabled = true)
    {
        var context = new ValidationContext(schema, document, introspectionEnabled);
        var rules = SpecifiedRules.Create(introspectionEnabled);
        new Walker(context, rules).WalkDocument(document);
        return context.Errors;
    }

    private sealed class Walker(ValidationContext context, IReadOnlyList<ValidationRule> rules)
    {
        public void WalkDocument(DocumentNode document)
        {
            foreach (var rule in rules)
            {
                rule.EnterDocument(context, document);
            }

            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case OperationDefinitionNode operation:
                        WalkOperation(operation);
                        break;
                    case FragmentDefinitionNode fragment:
                        WalkFragmentDefinition(fragment);
                        break;
                    case TypeSystemNode typeSystem:
                        foreach (var rule in rules)
                        {
                            rule.EnterTypeSystemDefinition(context, typeSystem);
                        }

                        break;
                    default:
                        break;
                }
            }

            foreach (var rule in rules)
            {
                rule.LeaveDocument(context, document);
            }
        }

        private void WalkOperation(OperationDefinitionNode operation)
        {
            context.CurrentDefinition = operation;
            context.VariableUsages[operation] = [];
            context.Type = operation.Operation switch
            {
                OperationType.Query => context.Schema.Query,
                OperationType.Mutation => context.Schema.Mutation,
                _ => null,
            };
            foreach (var rule in rules)
            {
                rule.EnterOperation(context, operation);
            }

            foreach (var variable in operation.VariableDefinitions)
            {
                foreach (var rule in rules)
                {
                    rule.EnterVariableDefinition(context, variable);
                }

                WalkNamedTypes(variable.Type);
                if (variable.DefaultValue is not null)
                {
                    WalkInputValue(variable.DefaultValue, context.TypeFromAst(variable.Type), null, false);
                }

                WalkDirectives(variable.Directives, variable);
            }

            WalkDirectives(operation.Directives, operation);
            WalkSelectionSet(operation.SelectionSet, context.Type);
            foreach (var rule in rules)
            {
                rule.LeaveOperation(context, operation);
            }
        }

        private void WalkFragmentDefinition(FragmentDefinitionNode fragment)
        {
            context.CurrentDefinition = fragment;
            context.VariableUsages[fragment] = [];
            var type = context.Schema.FindType(fragment.TypeCondition.Name);
            context.Type = type is { IsOutputType: true } ? type : null;
            foreach (var rule in rules)
            {
                rule.EnterFragmentDefinition(context, fragment);
            }

            WalkNamedTypes(fragment.TypeCondition);
            WalkDirectives(fragment.Directives, fragment);
            WalkSelectionSet(fragment.SelectionSet, context.Type);
        }

        private void WalkNamedTypes(TypeNode type)
        {
            switch (type)
            {
                case NamedTypeNode named:
                    foreach (var rule in rules)
                    {
                        rule.EnterNamedType(context, named);
                    }

                    break;
                case ListTypeNode list:
                    WalkNamedTypes(list.Type);
                    break;
                case NonNullTypeNode nonNull:
                    WalkNamedTypes(nonNull.Type);
                    break;
                default:
                    break;
            }
        }

        private void WalkSelectionSet(SelectionSetNode selectionSet, GraphType? type)
        {
            var named = type?.NamedType;
            var parent = named is ComplexGraphType or UnionGraphType ? named : null;
            var savedParent = context.ParentType;
            context.ParentType = parent;
            foreach (var rule in rules)
            {
                rule.EnterSelectionSet(context, selectionSet);
            }

            foreach (var selection in selectionSet.Selections)
            {
                context.ParentType = parent;
                switch (selection)
                {
                    case FieldNode field:
                        WalkField(field, parent);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? type?.NamedType : context.Schema.FindType(inline.TypeCondition.Name);
                        context.Type = inlineType is { IsOutputType: true } ? inlineType : null;
                        foreach (var rule in rules)
                        {
                            rule.EnterInlineFragment(context, inline);
                        }

                        if (inline.TypeCondition is not null)
                        {
                            WalkNamedTypes(inline.TypeCondition);
                        }

                        WalkDirectives(inline.Directives, inline);
                        WalkSelectionSet(inline.SelectionSet, context.Type);
                        break;
                    case FragmentSpreadNode spread:
                        foreach (var rule in rules)
                        {
                            rule.EnterFragmentSpread(context, spread);
                        }

                        WalkDirectives(spread.Directives, spread);
                        break;
                    default:
                        break;
                }
            }

            context.ParentType = savedParent;
        }

        private void WalkField(FieldNode field, NamedType? parent)
        {
            var definition = parent is ComplexGraphType complex ? FindField(complex, field.Name)
                : field.Name == "__typename" && parent is not null ? MetaFields.TypeName : null;
            context.FieldDefinition = definition;
            context.Type = definition?.Type;
            foreach (var rule in rules)
            {
                rule.EnterField(context, field);
            }

            foreach (var argument in field.Arguments)
            {
                context.FieldDefinition = definition;
                context.Directive = null;
                WalkArgument(argument, definition?.FindArgument(argument.Name));
            }

            WalkDirectives(field.Directives, field);
            if (field.SelectionSet is not null)
            {
                WalkSelectionSet(field.SelectionSet, definition?.Type);
            }
        }

        private FieldDefinition? FindField(ComplexGraphType type, string name)
        {
            if (type.Fields.TryGetValue(name, out var field))
            {
                return field;
            }

            return name switch
            {
                "__typename" => MetaFields.TypeName,
                "__schema" when type == context.Schema.Query => MetaFields.SchemaField(context.Schema),
                "__type" when type == context.Schema.Query => MetaFields.TypeField(context.Schema),
                _ => null,
            };
        }

        private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, SyntaxNode owner)
        {
            foreach (var directive in directives)
            {
                var definition = context.Schema.DirectiveMap.GetValueOrDefault(directive.Name);
                context.Directive = definition;
                foreach (var rule in rules)
                {
                    rule.EnterDirective(context, directive, owner);
                }

                foreach (var argument in directive.Arguments)
                {
                    context.Directive = definition;
                    WalkArgument(argument, definition?.FindArgument(argument.Name));
                }

                context.Directive = null;
            }
        }

        private void WalkArgument(ArgumentNode argument, InputValueDefinition? definition)
        {
            context.Argument = definition;
            foreach (var rule in rules)
            {
                rule.EnterArgument(context, argument);
            }

            WalkInputValue(argument.Value, definition?.Type, null, definition?.HasDefault ?? false);
            context.Argument = null;
        }

        private void WalkInputValue(ValueNode value, GraphType? inputType, GraphType? parentInputType, bool hasDefault)
        {
            context.InputType = inputType;
            context.ParentInputType = parentInputType;
            context.InputHasDefault = hasDefault;
            if (value is VariableNode variable && context.CurrentDefinition is not null)
            {
                context.VariableUsages[context.CurrentDefinition].Add(new VariableUsage(variable, inputType, hasDefault));
            }

            foreach (var rule in rules)
            {
                rule.EnterValue(context, value);
            }

            switch (value)
            {
                case ListValueNode list:
                    var itemType = inputType?.Nullable is ListType listType ? listType.OfType : inputType?.Nullable;
                    foreach (var item in list.Values)
                    {
                        WalkInputValue(item, itemType, inputType, false);
                    }

                    break;
                case ObjectValueNode obj:
                    var objectType = inputType?.NamedType as InputObjectGraphType;
                    foreach (var field in obj.Fields)
                    {
                        var fieldDefinition = objectType?.Fields.GetValueOrDefault(field.Name);
                        context.InputType = fieldDefinition?.Type;
                        context.ParentInputType = objectType;
                        foreach (var rule in rules)
                        {
                            rule.EnterObjectField(context, field);
                        }

                        WalkInputValue(field.Value, fieldDefinition?.Type, objectType, fieldDefinition?.HasDefault ?? false);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
