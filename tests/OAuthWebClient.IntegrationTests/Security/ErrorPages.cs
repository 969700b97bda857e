using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Testing;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// Failures render the one error view with a short correlation id and a status code that fits — never a stack
/// trace or an exception message outside Development.
/// </summary>
public sealed partial class ErrorPages
{
    [Fact]
    public async Task Unexpected_failure_renders_the_error_view_with_a_correlation_id_and_no_stack_trace()
    {
        await using var host = new ScriptedClientHost(configure: builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ITokenStore>(new ExplodingTokenStore())));
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Matches(CorrelationId(), page.Html);
        Assert.DoesNotContain(ExplodingTokenStore.Detail, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page.Html, StringComparison.Ordinal);
        SecurityHeaders.AssertSecurityHeaders(page);
    }

    [Theory]
    [InlineData("callback", HttpStatusCode.BadRequest)]
    [InlineData("no-such-page", HttpStatusCode.NotFound)]
    public async Task Failure_pages_use_the_one_error_view_with_a_correlation_id(string path, HttpStatusCode status)
    {
        await using var host = new ScriptedClientHost();

        var page = await host.NewBrowser().GetAsync(host.ClientOrigin + path, followRedirects: false);

        Assert.Equal(status, page.Status);
        Assert.Matches(CorrelationId(), page.Html);
    }

    [GeneratedRegex("Reference: <code>[0-9a-f]{8}</code>")]
    private static partial Regex CorrelationId();

    private sealed class ExplodingTokenStore : ITokenStore
    {
        public const string Detail = "Token store exploded at /srv/secret/path";

        public Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult<TokenSet?>(null);

        public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken) => throw new InvalidOperationException(Detail);

        public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
