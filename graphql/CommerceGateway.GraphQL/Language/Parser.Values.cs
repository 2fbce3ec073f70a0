using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Language;

/// <summary>Value literals and the token-level helpers every production uses.</summary>
internal sealed partial class Parser
{
    private string _lastValue = string.Empty;

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = _lexer.Location;
        switch (_lexer.Kind)
        {
            case TokenKind.BracketLeft:
                return new ListValueNode(Any(TokenKind.BracketLeft, () => ParseValueLiteral(isConst), TokenKind.BracketRight), start);
            case TokenKind.BraceLeft:
                return new ObjectValueNode(Any(TokenKind.BraceLeft, () => ParseObjectField(isConst), TokenKind.BraceRight), start);
            case TokenKind.Int:
                _lexer.Advance();
                return new IntValueNode(_lexer.Source[start.Start..start.End], start);
            case TokenKind.Float:
                _lexer.Advance();
                return new FloatValueNode(_lexer.Source[start.Start..start.End], start);
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                var name = _lexer.Value;
                _lexer.Advance();
                return name switch
                {
                    "true" => new BooleanValueNode(true, start),
                    "false" => new BooleanValueNode(false, start),
                    "null" => new NullValueNode(start),
                    _ => new EnumValueNode(name, start),
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    _lexer.Advance();
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw new GraphQLSyntaxException($"Unexpected variable \"${_lexer.Value}\" in constant value.", start.Line, start.Column);
                    }

                    throw Unexpected();
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = _lexer.Location;
        var block = _lexer.Kind == TokenKind.BlockString;
        var value = _lexer.Value;
        _lexer.Advance();
        return new StringValueNode(value, block, start);
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _lexer.Location;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return new ObjectFieldNode(name, ParseValueLiteral(isConst), start);
    }

    private string ParseName()
    {
        ExpectToken(TokenKind.Name);
        return _lastValue;
    }

    private Location ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw new GraphQLSyntaxException($"Expected {TokenKindText.Describe(kind)}, found {Describe()}.", _lexer.TokenLine, _lexer.TokenColumn);
        }

        var location = _lexer.Location;
        _lastValue = _lexer.Value;
        _lexer.Advance();
        return location;
    }

    private void Expect(TokenKind kind) => ExpectToken(kind);

    private void ExpectKeyword(string keyword)
    {
        if (_lexer.Kind != TokenKind.Name || _lexer.Value != keyword)
        {
            throw new GraphQLSyntaxException($"Expected \"{keyword}\", found {Describe()}.", _lexer.TokenLine, _lexer.TokenColumn);
        }

        _lexer.Advance();
    }

    private bool SkipKeyword(string keyword)
    {
        if (_lexer.Kind == TokenKind.Name && _lexer.Value == keyword)
        {
            _lexer.Advance();
            return true;
        }

        return false;
    }

    private bool Skip(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        _lexer.Advance();
        return true;
    }

    private GraphQLSyntaxException Unexpected() =>
        new($"Unexpected {Describe()}.", _lexer.TokenLine, _lexer.TokenColumn);

    private string Describe()
    {
        var kind = TokenKindText.Describe(_lexer.Kind);
        return _lexer.Kind is TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString
            ? $"{kind} \"{_lexer.Value}\""
            : kind;
    }

    /// <summary>One or more items between delimiters.</summary>
    private List<T> Many<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        do
        {
            items.Add(parseItem());
        }
        while (!Skip(close));

        return items;
    }

    /// <summary>Zero or more items between delimiters.</summary>
    private List<T> Any<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        while (!Skip(close))
        {
            items.Add(parseItem());
        }

        return items;
    }

    /// <summary>Zero or more items, or (when the opener is present) one or more.</summary>
    private List<T> Optional<T>(TokenKind open, Func<T> parseItem, TokenKind close) =>
        _lexer.Kind == open ? Many(open, parseItem, close) : [];
}
