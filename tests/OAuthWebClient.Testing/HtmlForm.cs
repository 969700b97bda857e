using System.Net;
using System.Text.RegularExpressions;

namespace OAuthWebClient.Testing;

/// <summary>A form found in a page: its action and the fields a browser would submit.</summary>
public sealed partial record HtmlForm(string Action, Dictionary<string, string> Fields)
{
    /// <summary>The first form whose markup contains <paramref name="marker"/> (e.g. a button label).</summary>
    public static HtmlForm Find(string html, string marker)
    {
        foreach (Match form in FormRegex().Matches(html))
        {
            if (!form.Value.Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputRegex().Matches(form.Value))
            {
                var name = Attribute(input.Value, "name");
                var type = Attribute(input.Value, "type");
                if (name is not null && type is not ("submit" or "button"))
                {
                    fields[name] = Attribute(input.Value, "value") ?? "";
                }
            }

            return new HtmlForm(Attribute(form.Value, "action") ?? "", fields);
        }

        throw new InvalidOperationException($"No form containing \"{marker}\" in the page:\n{html}");
    }

    /// <summary>
    /// Every hidden input of the page (antiforgery token, re-posted parameters), in document order; unlike
    /// <see cref="Find"/> it does not pick a form, for pages with one form whose button label is not known.
    /// </summary>
    public static List<KeyValuePair<string, string>> HiddenFields(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputRegex().Matches(html))
        {
            if (Attribute(input.Value, "type") == "hidden" && Attribute(input.Value, "name") is { } name)
            {
                fields.Add(KeyValuePair.Create(name, Attribute(input.Value, "value") ?? ""));
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\s{name}="([^"]*)" """.Trim(), RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();
}
