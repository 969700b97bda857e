using OAuthWebClient.Testing;
using System.Globalization;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// A minimal browser for the real sign-ins (scenarios 3-5): one cookie jar per origin, redirects followed on request,
/// forms posted. Cookies are kept per host and port (stricter than a browser, which ignores ports).
/// </summary>
internal sealed class WebSession(HttpMessageInvoker invoker)
{
    private const int MaxRedirects = 20;
    private readonly Dictionary<string, Dictionary<string, string>> _jar = new(StringComparer.Ordinal);

    /// <summary>The Cookie header this browser sends to <paramref name="origin"/>.</summary>
    public string CookieHeader(Uri origin) =>
        _jar.TryGetValue(origin.Authority, out var cookies) ? string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)) : "";

    public IReadOnlyDictionary<string, string> Cookies(Uri origin) =>
        _jar.TryGetValue(origin.Authority, out var cookies) ? cookies : new Dictionary<string, string>();

    public Task<WebPage> GetAsync(Uri uri, bool followRedirects = true) => SendAsync(HttpMethod.Get, uri, null, followRedirects);

    public Task<WebPage> SubmitAsync(WebPage page, string marker, IDictionary<string, string> values, bool followRedirects = true)
    {
        var form = HtmlForm.Find(page.Html, marker);
        var fields = new Dictionary<string, string>(form.Fields, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return SendAsync(HttpMethod.Post, new Uri(page.Uri, form.Action), new FormUrlEncodedContent(fields), followRedirects);
    }

    private async Task<WebPage> SendAsync(HttpMethod method, Uri uri, HttpContent? content, bool followRedirects)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content };
            if (CookieHeader(uri) is { Length: > 0 } cookie)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
            }

            using var response = await invoker.SendAsync(request, CancellationToken.None);
            Store(uri, response);
            var page = new WebPage(uri, response.StatusCode, response.Headers.Location is { } location ? new Uri(uri, location) : null,
                await response.Content.ReadAsStringAsync());
            if (!followRedirects || page.Location is null || (int)page.Status is < 300 or >= 400)
            {
                return page;
            }

            if (hop == MaxRedirects)
            {
                throw new InvalidOperationException("Too many redirects.");
            }

            (method, uri, content) = (HttpMethod.Get, page.Location, null);
        }
    }

    private void Store(Uri uri, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return;
        }

        if (!_jar.TryGetValue(uri.Authority, out var cookies))
        {
            _jar[uri.Authority] = cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var setCookie in setCookies)
        {
            var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
            var nameValue = parts[0].Split('=', 2);
            if (IsDeletion(parts.Skip(1)))
            {
                cookies.Remove(nameValue[0]);
            }
            else
            {
                cookies[nameValue[0]] = nameValue.Length > 1 ? nameValue[1] : "";
            }
        }
    }

    private static bool IsDeletion(IEnumerable<string> attributes) => attributes.Any(a =>
        a.Equals("max-age=0", StringComparison.OrdinalIgnoreCase) ||
        (a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) &&
         DateTimeOffset.TryParse(a["expires=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires) &&
         expires < DateTimeOffset.UtcNow));
}
