using System.Text;

namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>
/// C# source with comments and literal text blanked out (each replaced by spaces, newlines kept), so that a name in a
/// doc comment or a log message is not taken for a reference. The code inside an interpolation hole is kept.
/// </summary>
internal static class CSharpCode
{
    public static string WithoutCommentsAndLiterals(string source)
    {
        var code = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            i = Step(source, i, code);
        }

        return code.ToString();
    }

    /// <summary>Copies or blanks what starts at <paramref name="i"/>; returns where the next token starts.</summary>
    private static int Step(string s, int i, StringBuilder code)
    {
        if (At(s, i, "//"))
        {
            return Blank(s, i, s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length, code);
        }

        if (At(s, i, "/*"))
        {
            return Blank(s, i, s.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : s.Length, code);
        }

        if (s[i] == '\'')
        {
            return Blank(s, i, EndOfQuoted(s, i + 1, '\'', verbatim: false), code);
        }

        var prefix = 0;
        while (i + prefix < s.Length && s[i + prefix] is '$' or '@')
        {
            prefix++;
        }

        if (i + prefix < s.Length && s[i + prefix] == '"')
        {
            var marks = s.AsSpan(i, prefix);
            return String(s, i, i + prefix, marks.Contains('$'), marks.Contains('@'), code);
        }

        code.Append(s[i]);
        return i + 1;
    }

    /// <summary>A "..." string from its opening quote at <paramref name="quote"/>, blanked; interpolation holes copied.</summary>
    private static int String(string s, int start, int quote, bool interpolated, bool verbatim, StringBuilder code)
    {
        if (At(s, quote, "\"\"\""))
        {
            // Raw string literal: blanked whole, holes included (none in this code base).
            var close = s.IndexOf("\"\"\"", quote + 3, StringComparison.Ordinal);
            return Blank(s, start, close < 0 ? s.Length : close + 3, code);
        }

        Blank(s, start, quote + 1, code);
        var i = quote + 1;
        while (i < s.Length)
        {
            if (!verbatim && s[i] == '\\')
            {
                i = Blank(s, i, Math.Min(i + 2, s.Length), code);
            }
            else if (s[i] == '"' && verbatim && At(s, i, "\"\""))
            {
                i = Blank(s, i, i + 2, code);
            }
            else if (s[i] == '"')
            {
                return Blank(s, i, i + 1, code);
            }
            else if (interpolated && At(s, i, "{{"))
            {
                i = Blank(s, i, i + 2, code);
            }
            else if (interpolated && s[i] == '{')
            {
                i = Hole(s, i, code);
            }
            else
            {
                i = Blank(s, i, i + 1, code);
            }
        }

        return i;
    }

    /// <summary>An interpolation hole: its code is kept (nested literals blanked) up to the matching brace.</summary>
    private static int Hole(string s, int open, StringBuilder code)
    {
        code.Append(' ');
        var depth = 1;
        var parens = 0;
        var i = open + 1;
        while (i < s.Length && depth > 0)
        {
            if (s[i] is '(' or ')')
            {
                parens += s[i] == '(' ? 1 : -1;
                code.Append(s[i]);
                i++;
            }
            else if (s[i] is '{' or '}')
            {
                depth += s[i] == '{' ? 1 : -1;
                code.Append(depth == 0 ? ' ' : s[i]);
                i++;
            }
            else if (s[i] == ':' && depth == 1 && parens == 0)
            {
                // A format specifier ({value:O}) is text up to the closing brace; a ?: is parenthesised.
                var close = s.IndexOf('}', i);
                i = Blank(s, i, close < 0 ? s.Length : close, code);
            }
            else
            {
                i = Step(s, i, code);
            }
        }

        return i;
    }

    private static int EndOfQuoted(string s, int i, char quote, bool verbatim)
    {
        while (i < s.Length && s[i] != quote && s[i] != '\n')
        {
            i += !verbatim && s[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, s.Length);
    }

    private static bool At(string s, int i, string text) => string.CompareOrdinal(s, i, text, 0, text.Length) == 0;

    private static int Blank(string s, int from, int to, StringBuilder code)
    {
        for (var i = from; i < to; i++)
        {
            code.Append(s[i] == '\n' ? '\n' : ' ');
        }

        return to;
    }
}
