using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// <c>/flow</c>: this browser's last sign-in as a timeline, every value that matters redacted. 404 when the
/// inspector is off (<c>FlowInspector:Enabled</c>; default on in Development only).
/// </summary>
[Route("flow")]
public sealed class FlowInspectorController(
    FlowRecorder recorder,
    FlowBrowserCookie browserCookie,
    IOptions<FlowInspectorOptions> options,
    IWebHostEnvironment environment) : Controller
{
    private readonly FlowInspectorOptions _options = options.Value;

    [HttpGet("")]
    public IActionResult Index()
    {
        if (!_options.IsEnabled)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var snapshot = browserCookie.Find(HttpContext) is { } browserId ? recorder.Snapshot(browserId) : null;
        var links = FlowGuide.SourceFiles.ToDictionary(file => file, SourceLink, StringComparer.Ordinal);
        return View(new FlowInspectorViewModel(snapshot, links));
    }

    /// <summary>One of the flow's files, from the repository (found from the content root, the project folder under <c>dotnet run</c>).</summary>
    [HttpGet("source/{**path}")]
    public async Task<IActionResult> Source(string path, CancellationToken cancellationToken)
    {
        if (!_options.IsEnabled || !FlowGuide.SourceFiles.Contains(path))
        {
            return NotFound();
        }

        var file = Path.Combine(environment.ContentRootPath, FlowGuide.RepositoryRoot, path);
        var text = System.IO.File.Exists(file) ? await System.IO.File.ReadAllTextAsync(file, cancellationToken) : null;
        return View(new SourceFileViewModel(path, text));
    }

    [HttpGet("error-pages")]
    public IActionResult ErrorPages() => _options.IsEnabled ? View(ErrorPagePreviews.ByKind.Keys.ToList()) : NotFound();

    /// <summary>An error page exactly as a person would see it, with sample wording.</summary>
    [HttpGet("error-pages/{kind}")]
    public IActionResult ErrorPagePreview(string kind) =>
        _options.IsEnabled && ErrorPagePreviews.ByKind.TryGetValue(kind, out var error) ? this.ErrorPage(error()) : NotFound();

    private string SourceLink(string file) => _options.SourceBaseUrl is { } baseUrl
        ? $"{baseUrl.AbsoluteUri.TrimEnd('/')}/{file}"
        : Url.Content("~/flow/source/" + file);
}
