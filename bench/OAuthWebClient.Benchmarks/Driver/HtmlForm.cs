using System.Net;
using System.Text.RegularExpressions;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>The first form containing a marker (a button label): its action and the fields a browser submits.</summary>
internal sealed partial record HtmlForm(string Action, Dictionary<string, string> Fields)
{
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
                if (Attribute(input.Value, "name") is { } name && Attribute(input.Value, "type") is not ("submit" or "button"))
                {
                    fields[name] = Attribute(input.Value, "value") ?? "";
                }
            }

            return new HtmlForm(Attribute(form.Value, "action") ?? "", fields);
        }

        throw new InvalidOperationException($"No form containing \"{marker}\" in the page.");
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + name + "=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();
}
