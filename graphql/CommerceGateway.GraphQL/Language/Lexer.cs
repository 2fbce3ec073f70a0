using System.Globalization;
using System.Text;

namespace CommerceGateway.GraphQL.Language;

/// <summary>
/// Turns source text into tokens one at a time. Punctuators and numbers allocate nothing; names
/// and strings allocate their value once, so the parser never re-slices the source.
/// </summary>
internal sealed class Lexer
{
    private readonly string _source;
    private readonly int _maxTokens;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string source, int maxTokens = int.MaxValue)
    {
        _source = source;
        _maxTokens = maxTokens;
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            _position = 1;
        }

        Kind = TokenKind.StartOfFile;
    }

    public TokenKind Kind { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    public int TokenLine { get; private set; } = 1;

    public int TokenColumn { get; private set; } = 1;

    /// <summary>The value of a Name, String or BlockString token; the raw text of an Int or Float.</summary>
    public string Value { get; private set; } = string.Empty;

    public int TokenCount { get; private set; }

    public string Source => _source;

    public Location Location => new(Start, End, TokenLine, TokenColumn);

    public void Advance()
    {
        if (Kind == TokenKind.EndOfFile)
        {
            return;
        }

        SkipIgnored();
        Start = _position;
        TokenLine = _line;
        TokenColumn = _position - _lineStart + 1;
        Value = string.Empty;
        if (_position >= _source.Length)
        {
            Kind = TokenKind.EndOfFile;
            End = _position;
            return;
        }

        if (++TokenCount > _maxTokens)
        {
            throw Error($"Document contains more than {_maxTokens} tokens. Parsing aborted.");
        }

        var c = _source[_position];
        switch (c)
        {
            case '!': Punctuator(TokenKind.Bang, 1); return;
            case '$': Punctuator(TokenKind.Dollar, 1); return;
            case '&': Punctuator(TokenKind.Ampersand, 1); return;
            case '(': Punctuator(TokenKind.ParenLeft, 1); return;
            case ')': Punctuator(TokenKind.ParenRight, 1); return;
            case ':': Punctuator(TokenKind.Colon, 1); return;
            case '=': Punctuator(TokenKind.Equals, 1); return;
            case '@': Punctuator(TokenKind.At, 1); return;
            case '[': Punctuator(TokenKind.BracketLeft, 1); return;
            case ']': Punctuator(TokenKind.BracketRight, 1); return;
            case '{': Punctuator(TokenKind.BraceLeft, 1); return;
            case '|': Punctuator(TokenKind.Pipe, 1); return;
            case '}': Punctuator(TokenKind.BraceRight, 1); return;
            case '.':
                if (Peek(1) == '.' && Peek(2) == '.')
                {
                    Punctuator(TokenKind.Spread, 3);
                    return;
                }

                throw Error("Unexpected character: \".\".");
            case '"':
                if (Peek(1) == '"' && Peek(2) == '"')
                {
                    ReadBlockString();
                }
                else
                {
                    ReadString();
                }

                return;
            default:
                break;
        }

        if (IsNameStart(c))
        {
            ReadName();
            return;
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            ReadNumber();
            return;
        }

        throw c == '\''
            ? Error("Unexpected single quote character ('), did you mean to use a double quote (\")?")
            : Error($"Unexpected character: {Printable(_position)}.");
    }

    internal static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    internal static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private void Punctuator(TokenKind kind, int length)
    {
        Kind = kind;
        _position += length;
        End = _position;
    }

    private void SkipIgnored()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            switch (c)
            {
                case ' ' or '\t' or ',' or '\uFEFF':
                    _position++;
                    break;
                case '\n':
                    _position++;
                    NewLine();
                    break;
                case '\r':
                    _position += Peek(1) == '\n' ? 2 : 1;
                    NewLine();
                    break;
                case '#':
                    while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
                    {
                        _position++;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    private void ReadName()
    {
        var start = _position;
        _position++;
        while (_position < _source.Length && IsNameContinue(_source[_position]))
        {
            _position++;
        }

        Kind = TokenKind.Name;
        End = _position;
        Value = _source[start.._position];
    }

    private void ReadNumber()
    {
        var start = _position;
        var isFloat = false;
        if (_source[_position] == '-')
        {
            _position++;
        }

        if (Peek(0) == '0')
        {
            _position++;
            if (char.IsAsciiDigit(Peek(0)))
            {
                throw Error($"Invalid number, unexpected digit after 0: {Printable(_position)}.");
            }
        }
        else
        {
            ReadDigits();
        }

        if (Peek(0) == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (Peek(0) is '+' or '-')
            {
                _position++;
            }

            ReadDigits();
        }

        if (Peek(0) == '.' || IsNameStart(Peek(0)))
        {
            throw Error($"Invalid number, expected digit but got: {Printable(_position)}.");
        }

        Kind = isFloat ? TokenKind.Float : TokenKind.Int;
        End = _position;
        Value = _source[start.._position];
    }

    private void ReadDigits()
    {
        if (!char.IsAsciiDigit(Peek(0)))
        {
            throw Error($"Invalid number, expected digit but got: {Printable(_position)}.");
        }

        while (char.IsAsciiDigit(Peek(0)))
        {
            _position++;
        }
    }

    private void ReadString()
    {
        _position++;
        var chunkStart = _position;
        StringBuilder? builder = null;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"')
            {
                var tail = _source[chunkStart.._position];
                Value = builder is null ? tail : builder.Append(tail).ToString();
                _position++;
                Kind = TokenKind.String;
                End = _position;
                return;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_source, chunkStart, _position - chunkStart);
                ReadEscape(builder);
                chunkStart = _position;
                continue;
            }

            if (c < 0x20 && c != '\t')
            {
                throw Error($"Invalid character within String: {Printable(_position)}.");
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1))))
            {
                throw Error($"Invalid character within String: {Printable(_position)}.");
            }

            _position += char.IsHighSurrogate(c) ? 2 : 1;
        }

        throw Error("Unterminated string.");
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = _position;
        var next = Peek(1);
        _position += 2;
        switch (next)
        {
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case '/': builder.Append('/'); return;
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case 'u':
                ReadUnicodeEscape(builder, escapeStart);
                return;
            default:
                _position = escapeStart;
                throw Error($"Invalid character escape sequence: \"{_source.AsSpan(escapeStart, Math.Min(2, _source.Length - escapeStart))}\".");
        }
    }

    private void ReadUnicodeEscape(StringBuilder builder, int escapeStart)
    {
        if (Peek(0) == '{')
        {
            var close = _source.IndexOf('}', _position);
            var hex = close < 0 ? string.Empty : _source[(_position + 1)..close];
            if (close < 0 || hex.Length is 0 or > 8
                || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var point)
                || point > 0x10FFFF || point is >= 0xD800 and <= 0xDFFF)
            {
                throw InvalidUnicode(escapeStart, close < 0 ? _source.Length : close + 1);
            }

            builder.Append(char.ConvertFromUtf32(point));
            _position = close + 1;
            return;
        }

        var first = ReadHex4(escapeStart);
        if (char.IsHighSurrogate((char)first) && Peek(0) == '\\' && Peek(1) == 'u')
        {
            var save = _position;
            _position += 2;
            var second = ReadHex4(escapeStart);
            if (char.IsLowSurrogate((char)second))
            {
                builder.Append((char)first).Append((char)second);
                return;
            }

            _position = save;
        }

        if (first is >= 0xD800 and <= 0xDFFF)
        {
            throw InvalidUnicode(escapeStart, escapeStart + 6);
        }

        builder.Append((char)first);
    }

    private int ReadHex4(int escapeStart)
    {
        if (_position + 4 > _source.Length
            || !int.TryParse(_source.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw InvalidUnicode(escapeStart, Math.Min(_source.Length, _position + 4));
        }

        _position += 4;
        return value;
    }

    private GraphQLSyntaxException InvalidUnicode(int start, int end)
    {
        _position = start;
        return Error($"Invalid Unicode escape sequence: \"{_source[start..end]}\".");
    }

    private void ReadBlockString()
    {
        var startLine = _line;
        var startLineStart = _lineStart;
        _position += 3;
        var raw = new StringBuilder();
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart);
                _position += 3;
                Kind = TokenKind.BlockString;
                End = _position;
                Value = BlockString.Dedent(raw.ToString());
                return;
            }

            if (c == '\\' && Peek(1) == '"' && Peek(2) == '"' && Peek(3) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                _position += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                NewLine();
                continue;
            }

            if (c < 0x20 && c != '\t')
            {
                throw Error($"Invalid character within String: {Printable(_position)}.");
            }

            _position++;
        }

        _line = startLine;
        _lineStart = startLineStart;
        throw Error("Unterminated string.");
    }

    private string Printable(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[position];
        if (c is >= ' ' and <= '~')
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }

        var point = char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1])
            ? char.ConvertToUtf32(c, _source[position + 1])
            : c;
        return "U+" + point.ToString("X4", CultureInfo.InvariantCulture);
    }

    private GraphQLSyntaxException Error(string message)
    {
        // The error points at the offending character, which is on the current line.
        var column = _position - _lineStart + 1;
        return new GraphQLSyntaxException(message, _line, column);
    }
}
