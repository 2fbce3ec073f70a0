using CommerceGateway.GraphQL.Language;

namespace CommerceGateway.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private static List<(TokenKind Kind, string Value)> Tokens(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<(TokenKind, string)>();
        lexer.Advance();
        while (lexer.Kind != TokenKind.EndOfFile)
        {
            tokens.Add((lexer.Kind, lexer.Value));
            lexer.Advance();
        }

        return tokens;
    }

    [Fact]
    public void Advance_EveryPunctuator_ReadsEachKind()
    {
        var kinds = Tokens("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);

        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Ampersand, TokenKind.ParenLeft, TokenKind.ParenRight, TokenKind.Spread,
             TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketLeft, TokenKind.BracketRight, TokenKind.BraceLeft,
             TokenKind.Pipe, TokenKind.BraceRight],
            kinds);
    }

    [Fact]
    public void Advance_NumbersNamesAndComments_ReadsValuesAndSkipsIgnored()
    {
        var tokens = Tokens("\uFEFF name_1, -12 3.5e-2 # comment\r\n 0 ");

        Assert.Equal([(TokenKind.Name, "name_1"), (TokenKind.Int, "-12"), (TokenKind.Float, "3.5e-2"), (TokenKind.Int, "0")], tokens);
    }

    [Theory]
    [InlineData("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "a\"b\\c/d\b\f\n\r\t")]
    [InlineData("\"\\u00e9\\u{1F600}\"", "é😀")]
    [InlineData("\"\\uD83D\\uDE00\"", "😀")]
    public void Advance_StringEscapes_DecodesValue(string source, string expected)
    {
        Assert.Equal([(TokenKind.String, expected)], Tokens(source));
    }

    [Fact]
    public void Advance_BlockString_DedentsAndTrimsBlankLines()
    {
        var tokens = Tokens("\"\"\"\n    Hello,\n      World!\n\n    Yours, \\\"\"\" GraphQL.\n  \"\"\"");

        Assert.Equal([(TokenKind.BlockString, "Hello,\n  World!\n\nYours, \"\"\" GraphQL.")], tokens);
    }

    [Theory]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)]
    [InlineData("\n  \"abc", "Syntax Error: Unterminated string.", 2, 7)]
    [InlineData("\"\\x\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 2)]
    [InlineData("012", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("1.a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 3)]
    [InlineData("'a'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 2)]
    public void Advance_InvalidInput_ThrowsWithLocation(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Tokens(source));

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Advance_TokenLimitExceeded_Throws()
    {
        var lexer = new Lexer("a b c d", maxTokens: 3);
        lexer.Advance();
        lexer.Advance();
        lexer.Advance();

        var error = Assert.Throws<GraphQLSyntaxException>(lexer.Advance);

        Assert.Contains("more than 3 tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_TokenOnThirdLine_ReportsLineAndColumn()
    {
        var lexer = new Lexer("a\r\n\n   b");
        lexer.Advance();
        lexer.Advance();

        Assert.Equal((3, 4), (lexer.TokenLine, lexer.TokenColumn));
    }
}
