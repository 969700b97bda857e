using System.Diagnostics;

namespace OAuthWebClient.Testing;

/// <summary>
/// panva's oidc-provider (<c>tests/OidcProvider/server.mjs</c>, run with <c>node</c>) on a free loopback port: a second,
/// independent authorization server. Waits for its discovery document, keeps its output for failure messages, and is
/// killed on dispose. Needs <c>npm ci --prefix tests/OidcProvider</c> first (<c>.ci/run</c> does it).
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private OidcProviderProcess(ChildProcess process, Uri issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:{port}</c> (no trailing slash, as oidc-provider spells it).</summary>
    public Uri Issuer { get; }

    /// <summary>Everything it printed so far (stdout and stderr); <c>server.mjs</c> prints one line per POST, never a token.</summary>
    public string Output => _process.Output + "\n" + _process.Errors;

    public static async Task<OidcProviderProcess> StartAsync(OidcProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(RepositoryRoot(), "tests", "OidcProvider");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed: run `npm ci --prefix tests/OidcProvider` ({directory}/node_modules is missing).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = directory,
        };
        start.Environment["OP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OP_CLIENT_ID"] = settings.ClientId;
        start.Environment["OP_CLIENT_SECRET"] = settings.ClientSecret;
        start.Environment["OP_REDIRECT_URI"] = settings.RedirectUri.AbsoluteUri;
        start.Environment["OP_POST_LOGOUT_REDIRECT_URI"] = settings.PostLogoutRedirectUri.AbsoluteUri;
        start.Environment["OP_PHOTOS_RESOURCE"] = settings.PhotosResource;
        start.Environment["OP_ACCESS_TOKEN_TTL"] = ((int)settings.AccessTokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OP_CLIENT_JWKS"] = settings.ClientJwks;
        start.Environment["OP_BACKCHANNEL_LOGOUT_URI"] = settings.BackchannelLogoutUri?.AbsoluteUri;
        start.Environment["OP_REQUIRE_PAR"] = Flag(settings.RequirePushedAuthorizationRequests);
        start.Environment["OP_DPOP_REQUIRED"] = Flag(settings.RequireDPoP);
        start.Environment["OP_DPOP_NONCE"] = Flag(settings.RequireDPoPNonce);
        start.Environment["OP_FAPI"] = Flag(settings.Fapi2);

        ChildProcess process;
        try
        {
            process = ChildProcess.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed (Debian package nodejs; .ci/run installs it).", e);
        }

        var op = new OidcProviderProcess(process, new Uri($"http://127.0.0.1:{port}"));
        var discovery = new Uri(op.Issuer, "/.well-known/openid-configuration");
        if (await process.WaitForAnswerAsync(discovery, TimeSpan.FromSeconds(60), success: true) is null)
        {
            await op.DisposeAsync();
            throw new InvalidOperationException($"oidc-provider did not publish {discovery} within 60 s. Its output:\n{op.Output}");
        }

        return op;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // server.mjs reads "1" as on; an unset variable is off (a null value removes it from the child's environment).
    private static string? Flag(bool on) => on ? "1" : null;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OAuthWebClient.sln) was not found above " + AppContext.BaseDirectory);
    }
}
