using Microsoft.Extensions.Options;
using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.ProofOfPossession;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8: the CPU the newer features add, in process, one thread, bounded loops: per API call with a DPoP-bound token
/// (the session's key from its stored JWK, a proof with ath — what the user access token handler does), per private_key_jwt
/// assertion, per pushed authorization request (<see cref="PushedRequestCost"/>), per back-channel logout
/// (<see cref="BackchannelLogoutCost"/>), and the events seam with no subscriber (<see cref="EventsSeamCost"/>: target
/// nothing measurable, under 1 % of a login start or callback). The rest is reported, without a target.
/// </summary>
internal static class ProofCostScenario
{
    /// <summary>When scenarios 1 and 2 did not run: ours' CPU per login start (run 3) and per callback (run 2's fixes, since applied), docs/benchmarks.md.</summary>
    private const double DocumentedLoginStartMicros = 39;

    private const double DocumentedCallbackMicros = 170;

    public static Task RunAsync(BenchContext context)
    {
        var (report, quick) = (context.Report, context.Options.Quick);
        var iterations = quick ? 200 : 5000;
        var time = TimeProvider.System;
        var proofs = new DPoPProofFactory(time);
        var storedKey = DPoPKey.Create("ES256").ToJson();
        var url = new Uri("https://photos.example/photos/harbour/thumbnail?size=320");
        var accessToken = new string('a', 900);
        var options = Options.Create(new OAuthClientOptions { ClientId = "bench-client", ClientAssertion = { Jwk = AssertionKey.Jwk() } });
        var assertions = new ClientAssertionFactory(new ClientAssertionKeys(options, time), options, time);

        report.Section("8. What the newer features cost (CPU per operation, in process, one thread)");
        report.Line($"| operation | per operation (µs, median of 10 batches, {iterations} in all; logout {iterations / 5}) | operations/s (one core) |");
        report.Line("|---|---:|---:|");
        var keys = new DPoPKeyCache();
        var proof = CpuCost.Measure(iterations, () => proofs.Create(keys.Get(storedKey)!, HttpMethod.Get, url, accessToken, nonce: null));
        CpuCost.Row(report, "DPoP proof on an API call (ES256, with ath; the session key cached)", proof);
        CpuCost.Row(report, "the same, with a resource server nonce", CpuCost.Measure(iterations, () => proofs.Create(keys.Get(storedKey)!, HttpMethod.Get, url, accessToken, nonce: "rs-nonce-0123456789")));
        CpuCost.Row(report, "a session's first call also reads its key from the stored JWK (then cached)", CpuCost.Measure(iterations, () => DPoPKey.FromJson(storedKey)));
        string CreateAssertion() => assertions.Create("https://as.example/", new Uri("https://as.example/token"));
        var assertion = CpuCost.Measure(iterations, () => CreateAssertion());
        CpuCost.Row(report, "private_key_jwt assertion (ES256)", assertion);

        using var server = new InProcessAuthorizationServer();
        var (plain, pushedSecret, pushedAssertion) = PushedRequestCost.Measure(server, iterations);
        CpuCost.Row(report, "login start, plain authorization redirect (ISignInService.StartAsync, in process)", plain);
        CpuCost.Row(report, "login start with a pushed request, client secret (Basic)", pushedSecret);
        CpuCost.Row(report, "login start with a pushed request, private_key_jwt", pushedAssertion);
        var logoutEs = BackchannelLogoutCost.Measure(server, "ES256", iterations / 5);
        var logoutRs = BackchannelLogoutCost.Measure(server, "RS256", iterations / 5);
        CpuCost.Row(report, "back-channel logout: ES256 logout token validated, its session ended (in-memory store)", logoutEs);
        CpuCost.Row(report, "the same, RS256 (RSA-2048) logout token", logoutRs);
        using var seamClient = new InProcessClient(server, new Dictionary<string, string?> { ["OAuth:ClientSecret"] = InProcessClient.ClientSecret });
        var (guarded, unguarded, parameters, view) = EventsSeamCost.Measure(seamClient, CreateAssertion(), quick ? 100 : 2000);
        CpuCost.Row(report, "one event, no subscriber, as the library raises it (guarded: no context built)", guarded / 1000);
        CpuCost.Row(report, "one event, no subscriber, if raised unguarded (context built, dispatched to nobody)", unguarded / 1000);
        CpuCost.Row(report, "the observers' parameter list of a login start (built only when an observer listens)", parameters);
        CpuCost.Row(report, "the observers' view of a private_key_jwt assertion (built only when an observer listens)", view);
        report.Line();
        report.Line("The login starts and the logout run ours' DI-registered services (AddOAuthClient, no log provider, no event subscriber); their " +
            "back-channel is ours' HttpClient over an in-process handler that answers the metadata, the JWKS and the pushed request (201) at once.");

        report.Add(new SummaryRow(8, "DPoP proof cost", "CPU per API call with a DPoP-bound token", $"{proof:0} µs", "Bearer: 0 µs", $"+{proof:0} µs per call", "reported", null));
        report.Add(new SummaryRow(8, "Client assertion cost", "CPU per private_key_jwt assertion", $"{assertion:0} µs", "secret: 0 µs", $"+{assertion:0} µs per request", "reported", null));
        foreach (var (how, micros) in new[] { ("a client secret", pushedSecret), ("private_key_jwt", pushedAssertion) })
        {
            report.Add(new SummaryRow(8, "PAR cost", $"CPU per login start with a pushed request ({how}) over the plain redirect", $"{micros:0} µs",
                $"plain: {plain:0} µs", $"{micros - plain:+0;-0;0} µs per login start", "reported", null));
        }

        report.Add(new SummaryRow(8, "Back-channel logout cost", "CPU per logout token: validated, its session ended (in-memory store)", $"ES256: {logoutEs:0} µs",
            $"RS256: {logoutRs:0} µs", $"{logoutEs:0} / {logoutRs:0} µs per logout", "reported", null));
        SeamRow(report, quick, guarded, parameters, view, plain);
        report.MarkRan(8);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The seam's share of ours' CPU per login start and per callback: scenarios 1 and 2 of this run, else the documented
    /// values — also in quick mode, whose half-second windows measure cold processes (many times the steady CPU per request).
    /// </summary>
    private static void SeamRow(Report report, bool quick, double guardedNs, double parametersMicros, double viewMicros, double inProcessLoginMicros)
    {
        var login = quick ? null : report.Kept(LoginStartScenario.CpuPerLoginStart);
        var callback = quick ? null : report.Kept(CallbackScenario.CpuPerCallback);
        var (loginMicros, callbackMicros) = (login ?? DocumentedLoginStartMicros, callback ?? DocumentedCallbackMicros);
        var loginEvents = EventsSeamCost.LoginEvents * guardedNs / 1000 / loginMicros;
        var callbackEvents = EventsSeamCost.CallbackEvents * guardedNs / 1000 / callbackMicros;
        var source = $"login {loginMicros:0} µs ({(login is null ? "docs" : "scenario 1")}), callback {callbackMicros:0} µs ({(callback is null ? "docs" : "scenario 2")})";
        report.Line($"Events seam, inspector off: {EventsSeamCost.LoginEvents} event per login start ({EventsSeamCost.PushedLoginEvents} with a push), {EventsSeamCost.CallbackEvents} per callback, " +
            $"{guardedNs:0.0} ns each (an upper bound: the loop and the call are in it); against {source}: {Percent(loginEvents)} of a login start, {Percent(callbackEvents)} of a callback. " +
            $"The observers' parameter list ({parametersMicros:0.00} µs, {Percent(parametersMicros / inProcessLoginMicros)} of the in-process login start of {inProcessLoginMicros:0} µs) " +
            $"and a private_key_jwt assertion's view ({viewMicros:0.0} µs, {Percent(viewMicros / callbackMicros)} of a callback) are built only when an observer listens.");
        report.Line();
        report.Add(new SummaryRow(8, "Events seam", "events seam, inspector off: share of login/callback CPU", $"{guardedNs:0.0} ns per event", source,
            $"{Percent(loginEvents)} / {Percent(callbackEvents)}", "nothing measurable (< 1 %)", loginEvents < 0.01 && callbackEvents < 0.01));
    }

    private static string Percent(double share) => Format.Number(share * 100, share < 0.001 ? "0.000" : "0.00") + " %";
}
