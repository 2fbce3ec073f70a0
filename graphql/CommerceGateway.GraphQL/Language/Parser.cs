using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for the whole GraphQL grammar (executable and type-system
/// documents). Errors read like graphql-js: "Syntax Error: Expected Name, found "}"."
/// </summary>
internal sealed partial class Parser
{
    private static readonly IReadOnlyList<ArgumentNode> NoArguments = [];
    private static readonly IReadOnlyList<DirectiveNode> NoDirectives = [];
    private static readonly IReadOnlyList<VariableDefinitionNode> NoVariables = [];
    private readonly Lexer _lexer;

    private Parser(string source, int maxTokens)
    {
        _lexer = new Lexer(source, maxTokens);
        _lexer.Advance();
    }

    /// <summary>Parses a document; <paramref name="maxTokens"/> stops hostile input before it costs memory.</summary>
    public static DocumentNode Parse(string source, int maxTokens = int.MaxValue)
    {
        var parser = new Parser(source, maxTokens);
        return parser.ParseDocument() with { Source = source };
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source)
    {
        var parser = new Parser(source, int.MaxValue);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    /// <summary>Parses a single value literal such as <c>{a: [1, 2]}</c>.</summary>
    public static ValueNode ParseValue(string source, bool isConst = false)
    {
        var parser = new Parser(source, int.MaxValue);
        var value = parser.ParseValueLiteral(isConst);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>How many tokens the last parse read; limits use it.</summary>
    public int TokenCount => _lexer.TokenCount;

    private DocumentNode ParseDocument()
    {
        var start = _lexer.Location;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_lexer.Kind != TokenKind.EndOfFile);

        return new DocumentNode(definitions, start);
    }

    private DefinitionNode ParseDefinition()
    {
        if (_lexer.Kind == TokenKind.BraceLeft)
        {
            return ParseOperationDefinition();
        }

        var hasDescription = _lexer.Kind is TokenKind.String or TokenKind.BlockString;
        if (hasDescription)
        {
            return ParseTypeSystemDefinition();
        }

        if (_lexer.Kind == TokenKind.Name)
        {
            switch (_lexer.Value)
            {
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive":
                    return ParseTypeSystemDefinition();
                case "extend":
                    return ParseTypeSystemExtension();
                default:
                    break;
            }
        }

        throw Unexpected();
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Location;
        if (_lexer.Kind == TokenKind.BraceLeft)
        {
            return new OperationDefinitionNode(OperationType.Query, null, NoVariables, NoDirectives, ParseSelectionSet(), start);
        }

        var operation = ParseOperationType();
        string? name = null;
        if (_lexer.Kind == TokenKind.Name)
        {
            name = ParseName();
        }

        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        return new OperationDefinitionNode(operation, name, variables, directives, ParseSelectionSet(), start);
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return _lastValue switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw new GraphQLSyntaxException($"Unexpected Name \"{_lastValue}\".", token.Line, token.Column),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (_lexer.Kind != TokenKind.ParenLeft)
        {
            return NoVariables;
        }

        return Many(TokenKind.ParenLeft, ParseVariableDefinition, TokenKind.ParenRight);
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Location;
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.Equals))
        {
            defaultValue = ParseValueLiteral(isConst: true);
        }

        return new VariableDefinitionNode(variable, type, defaultValue, ParseDirectives(isConst: true), start);
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Location;
        Expect(TokenKind.Dollar);
        return new VariableNode(ParseName(), start);
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Location;
        return new SelectionSetNode(Many(TokenKind.BraceLeft, ParseSelection, TokenKind.BraceRight), start);
    }

    private SelectionNode ParseSelection() =>
        _lexer.Kind == TokenKind.Spread ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _lexer.Location;
        var nameOrAlias = ParseName();
        string? alias = null;
        string name;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = _lexer.Kind == TokenKind.BraceLeft ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet, start);
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (_lexer.Kind != TokenKind.ParenLeft)
        {
            return NoArguments;
        }

        return Many(TokenKind.ParenLeft, () => ParseArgument(isConst), TokenKind.ParenRight);
    }

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _lexer.Location;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return new ArgumentNode(name, ParseValueLiteral(isConst), start);
    }

    private SelectionNode ParseFragment()
    {
        var start = _lexer.Location;
        Expect(TokenKind.Spread);
        var hasTypeCondition = _lexer.Kind == TokenKind.Name && _lexer.Value == "on";
        if (!hasTypeCondition && _lexer.Kind == TokenKind.Name)
        {
            var name = ParseFragmentName();
            return new FragmentSpreadNode(name, ParseDirectives(isConst: false), start);
        }

        NamedTypeNode? typeCondition = null;
        if (hasTypeCondition)
        {
            _lexer.Advance();
            typeCondition = ParseNamedType();
        }

        var directives = ParseDirectives(isConst: false);
        return new InlineFragmentNode(typeCondition, directives, ParseSelectionSet(), start);
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Location;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        return new FragmentDefinitionNode(name, typeCondition, directives, ParseSelectionSet(), start);
    }

    private string ParseFragmentName()
    {
        if (_lexer.Kind == TokenKind.Name && _lexer.Value == "on")
        {
            throw Unexpected();
        }

        return ParseName();
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (_lexer.Kind != TokenKind.At)
        {
            return NoDirectives;
        }

        var directives = new List<DirectiveNode>();
        while (_lexer.Kind == TokenKind.At)
        {
            var start = _lexer.Location;
            _lexer.Advance();
            var name = ParseName();
            directives.Add(new DirectiveNode(name, ParseArguments(isConst), start));
        }

        return directives;
    }

    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Location;
        TypeNode type;
        if (Skip(TokenKind.BracketLeft))
        {
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            type = new ListTypeNode(inner, start);
        }
        else
        {
            type = ParseNamedType();
        }

        return Skip(TokenKind.Bang) ? new NonNullTypeNode(type, start) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Location;
        return new NamedTypeNode(ParseName(), start);
    }
}
