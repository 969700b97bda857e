using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8, pushed authorization requests (RFC 9126): ours' whole login start in process (<see cref="ISignInService.StartAsync"/>:
/// transaction, cookie, URL) without a push, and with one — the form, the client authentication (a client secret, Basic;
/// or a private_key_jwt assertion), the call through ours' back-channel HttpClient to a handler that answers 201 at once,
/// the answer parsed, the short URL. The push's cost is the difference.
/// </summary>
internal static class PushedRequestCost
{
    /// <summary>µs per login start: plain redirect, pushed with a client secret, pushed with private_key_jwt.</summary>
    public static (double Plain, double Secret, double Assertion) Measure(InProcessAuthorizationServer server, int iterations)
    {
        using var plain = new InProcessClient(server, new Dictionary<string, string?> { ["OAuth:ClientSecret"] = InProcessClient.ClientSecret, ["OAuth:PushedAuthorization"] = "Disable" });
        using var secret = new InProcessClient(server, new Dictionary<string, string?> { ["OAuth:ClientSecret"] = InProcessClient.ClientSecret });
        using var assertion = new InProcessClient(server, new Dictionary<string, string?>
        {
            ["OAuth:ClientAuthentication"] = "PrivateKeyJwt", ["OAuth:ClientAssertion:Jwk"] = AssertionKey.Jwk(),
        });
        return (Start(plain, iterations, pushed: false, server), Start(secret, iterations, pushed: true, server), Start(assertion, iterations, pushed: true, server));
    }

    private static double Start(InProcessClient client, int iterations, bool pushed, InProcessAuthorizationServer server)
    {
        var request = new SignInStartRequest { ReturnUrl = "/photos" };
        var before = server.Pushed;
        var micros = CpuCost.MeasureAsync(iterations, () => client.SignIn.StartAsync(client.NewContext("/account/login"), request));
        var check = client.SignIn.StartAsync(client.NewContext("/account/login"), request).GetAwaiter().GetResult();
        if (check.AuthorizationUrl?.Query.Contains("request_uri=", StringComparison.Ordinal) != pushed || (server.Pushed > before) != pushed)
        {
            throw new InvalidOperationException($"The in-process login start did not {(pushed ? "push" : "redirect without a push")}: {check.Failure?.Message}");
        }

        return micros;
    }
}
