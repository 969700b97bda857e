using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// A photos API whose <c>WWW-Authenticate</c> (RFC 9110 §11.6.1, RFC 6750 §3) is garbage, half-quoted, another scheme
/// or enormous must not crash the gallery: the person gets an error page that explains (or a sign-in), never a 500.
/// The header is injected raw (<c>TryAddWithoutValidation</c>), as a hostile server would send it. One set of hosts
/// for all cases (each signs in a new browser): the cases only differ in the header.
/// </summary>
public sealed class MalformedChallengeFromThePhotosApi(MalformedChallengeFromThePhotosApi.Hosts fixture)
    : IClassFixture<MalformedChallengeFromThePhotosApi.Hosts>
{
    private static readonly string Huge = new('x', 1_000_000);

    private readonly TestHosts _hosts = fixture.TestHosts;

    public static TheoryData<string, int> Challenges()
    {
        var data = new TheoryData<string, int>();
        foreach (var challenge in Values.Keys)
        {
            data.Add(challenge, 401);
            data.Add(challenge, 403);
        }

        return data;
    }

    private static Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal)
    {
        ["garbage"] = "@@@ ,,, === }{ \"",
        ["empty"] = "",
        ["a bare scheme"] = "Bearer",
        ["unbalanced quote"] = "Bearer error=\"invalid_token",
        ["unbalanced quote after the error"] = "Bearer error=\"insufficient_scope\", scope=\"photos, error=\"invalid_token\"",
        ["another scheme"] = "Basic realm=\"photos\"",
        ["another scheme with a bearer error"] = "Basic error=\"invalid_token\", error=\"insufficient_scope\", scope=\"photos\"",
        ["an error inside another parameter"] = "Bearer error_description=\"error=\\\"invalid_token\\\" scope=\\\"admin\\\"\"",
        ["enormous"] = "Bearer error=\"invalid_token\", error_description=\"" + Huge + "\"",
        ["enormous and unterminated"] = "Bearer error=\"insufficient_scope\", scope=\"" + Huge,
        ["thousands of challenges"] = string.Join(", ", Enumerable.Repeat("Bearer scope=\"", 20_000)),
        ["thousands of scope parameters"] = "Bearer error=\"insufficient_scope\"" + string.Concat(Enumerable.Repeat(", scope=\"", 50_000)),
    };

    [Theory]
    [MemberData(nameof(Challenges))]
    public async Task A_malformed_challenge_shows_an_explanation_instead_of_crashing(string challenge, int status)
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? Rejection((HttpStatusCode)status, Values[challenge]) : null;

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        _hosts.Router.Fault = null;

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        if (page.Status == HttpStatusCode.Redirect)
        {
            Assert.Equal("/account/login", page.Location!.AbsolutePath); // a sign-in (again, or for a missing scope)
        }
        else
        {
            var kind = page.Status switch
            {
                HttpStatusCode.BadGateway => "token-rejected",
                HttpStatusCode.ServiceUnavailable => "photos-unreachable",
                HttpStatusCode.Forbidden => "permission-missing",
                _ => throw new Xunit.Sdk.XunitException($"Unexpected {(int)page.Status} for a {status} with {challenge}."),
            };
            Assert.Contains($"data-error-kind=\"{kind}\"", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(Huge[..100], page.Html, StringComparison.Ordinal);
        }
    }

    private static bool IsPhotosList(RecordedRequest request) =>
        request.Uri.Port == TestHosts.PhotosApiOrigin.Port && request.Uri.AbsolutePath == "/photos";

    private static HttpResponseMessage Rejection(HttpStatusCode status, string challenge)
    {
        var response = new HttpResponseMessage(status);
        Assert.True(response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge));
        return response;
    }

    /// <summary>The shared sandbox, photos API and client.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public TestHosts TestHosts { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await TestHosts.DisposeAsync();
    }
}
