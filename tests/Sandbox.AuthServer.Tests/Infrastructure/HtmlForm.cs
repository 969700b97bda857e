using System.Net;
using System.Text.RegularExpressions;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>Reads the hidden fields (antiforgery token, re-posted parameters) of a server-rendered form.</summary>
public static partial class HtmlForm
{
    public static List<KeyValuePair<string, string>> HiddenFields(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value)
                .ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                fields.Add(KeyValuePair.Create(name, attributes.GetValueOrDefault("value") ?? ""));
            }
        }

        return fields;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("([\\w-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
