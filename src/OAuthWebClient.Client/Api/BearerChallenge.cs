namespace OAuthWebClient.Client.Api;

/// <summary>
/// Reads the parameters of a resource server's <c>Bearer</c> challenge (RFC 6750 §3) or <c>DPoP</c> challenge (RFC 9449
/// §7.1, the same parameters): <c>error</c>, <c>scope</c>.
/// The header comes from another server, so it is parsed, not searched: auth-params are <c>name=token</c> or
/// <c>name="quoted-string"</c> (RFC 9110 §11.2, §5.6.4), names are case-insensitive, and anything malformed from
/// there on is ignored. One linear pass, whatever the header's size.
/// </summary>
internal static class BearerChallenge
{
    /// <summary>True when a Bearer challenge says <c>error="<paramref name="error"/>"</c>.</summary>
    public static bool HasError(HttpResponseMessage response, string error) =>
        Parameters(response).Any(parameters => string.Equals(Find(parameters, "error"), error, StringComparison.Ordinal));

    /// <summary>The value of a parameter of the first Bearer challenge that has it, e.g. <c>scope</c>; null when none does.</summary>
    public static string? Parameter(HttpResponseMessage response, string name) =>
        Parameters(response).Select(parameters => Find(parameters, name)).FirstOrDefault(value => value is not null);

    /// <summary>
    /// The parameters of each Bearer challenge. The typed header skips values it cannot parse instead of throwing,
    /// so a garbage header reads as no challenge at all.
    /// </summary>
    private static IEnumerable<string> Parameters(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.WwwAuthenticate
            .Where(challenge => (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Scheme.Equals("DPoP", StringComparison.OrdinalIgnoreCase)) &&
                challenge.Parameter is not null)
            .Select(challenge => challenge.Parameter!);
    }

    /// <summary>The value of <paramref name="name"/> in <c>auth-param *( OWS "," OWS auth-param )</c>.</summary>
    internal static string? Find(string parameters, string name)
    {
        var i = 0;
        while (true)
        {
            i = Skip(parameters, i, static c => c is ' ' or '\t' or ',');
            var nameStart = i;
            i = Skip(parameters, i, IsTokenChar);
            if (i == nameStart)
            {
                return null; // the end, or something that is not a parameter name
            }

            var matches = parameters.AsSpan(nameStart, i - nameStart).Equals(name, StringComparison.OrdinalIgnoreCase);
            i = Skip(parameters, i, static c => c is ' ' or '\t');
            if (i == parameters.Length || parameters[i] != '=')
            {
                return null; // token68 or garbage: no parameters to read
            }

            i = Skip(parameters, i + 1, static c => c is ' ' or '\t');
            if (i < parameters.Length && parameters[i] == '"')
            {
                var end = EndOfQuotedString(parameters, i + 1);
                if (end < 0)
                {
                    return null; // unterminated quoted-string
                }

                if (matches)
                {
                    return Unescape(parameters.AsSpan(i + 1, end - i - 1));
                }

                i = end + 1;
            }
            else
            {
                var valueStart = i;
                i = Skip(parameters, i, IsTokenChar);
                if (matches)
                {
                    return i > valueStart ? parameters[valueStart..i] : null;
                }
            }
        }
    }

    private static int Skip(string text, int i, Func<char, bool> what)
    {
        while (i < text.Length && what(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The index of the closing quote, honouring <c>\</c> escapes; -1 when there is none.</summary>
    private static int EndOfQuotedString(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(ReadOnlySpan<char> quoted)
    {
        var value = new System.Text.StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            value.Append(quoted[i] == '\\' && i + 1 < quoted.Length ? quoted[++i] : quoted[i]);
        }

        return value.ToString();
    }

    /// <summary>RFC 9110 §5.6.2 tchar.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
