using System.Diagnostics;
using OpenTelemetry;

namespace OAuthWebClient.Telemetry;

/// <summary>
/// Removes every URL query from every span before it is exported, whichever source recorded it: the callback's
/// <c>code</c>, <c>state</c> and <c>iss</c>, and — the embedded sandbox runs in this process, and ASP.NET Core's source
/// is process-wide — its <c>/connect/authorize</c> requests' <c>state</c>, <c>nonce</c> and <c>code_challenge</c>.
/// The instrumentations' own redaction keeps the parameter names and is not relied on.
/// </summary>
internal sealed class UrlQueryRedaction : BaseProcessor<Activity>
{
    /// <summary>Tags that hold a query by itself (semantic conventions 1.2x), removed.</summary>
    private static readonly string[] QueryTags = ["url.query"];

    /// <summary>Tags that hold a URL or a target with its query (and older names of them), cut at the query.</summary>
    private static readonly string[] UrlTags = ["url.full", "http.url", "http.target"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in QueryTags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                data.SetTag(tag, null);
            }
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url && WithoutQuery(url) is { } cut)
            {
                data.SetTag(tag, cut);
            }
        }

        if (WithoutQuery(data.DisplayName) is { } name)
        {
            data.DisplayName = name;
        }
    }

    /// <summary>The URL up to its query or fragment; null when it has neither.</summary>
    private static string? WithoutQuery(string url) => url.IndexOfAny(['?', '#']) is var at and >= 0 ? url[..at] : null;
}
