using System.Diagnostics;
using Microsoft.Extensions.Options;
using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.ProofOfPossession;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8: the CPU a FAPI 2.0 feature adds, in process, one thread: per API call with a DPoP-bound token (read the
/// session's key from its stored JWK, sign a proof with ath — what the user access token handler does), and per
/// private_key_jwt assertion (what each token, pushed or revocation request adds). Bounded loops; reported, no target.
/// </summary>
internal static class ProofCostScenario
{
    public static Task RunAsync(BenchContext context)
    {
        var report = context.Report;
        var iterations = context.Options.Quick ? 200 : 5000;
        var time = TimeProvider.System;
        var proofs = new DPoPProofFactory(time);
        var storedKey = DPoPKey.Create("ES256").ToJson();
        var url = new Uri("https://photos.example/photos/harbour/thumbnail?size=320");
        var accessToken = new string('a', 900);

        var options = Options.Create(new OAuthClientOptions { ClientId = "bench-client", ClientAssertion = { Jwk = AssertionJwk() } });
        var assertions = new ClientAssertionFactory(new ClientAssertionKeys(options, time), options, time);

        report.Section("8. What a DPoP proof and a client assertion cost (CPU per operation, in process)");
        report.Line("| operation | per operation (µs, median of 10 batches, " + iterations + " in all) | operations/s (one core) |");
        report.Line("|---|---:|---:|");
        var keys = new DPoPKeyCache();
        var proof = Measure(iterations, () => proofs.Create(keys.Get(storedKey)!, HttpMethod.Get, url, accessToken, nonce: null));
        var proofWithNonce = Measure(iterations, () => proofs.Create(keys.Get(storedKey)!, HttpMethod.Get, url, accessToken, nonce: "rs-nonce-0123456789"));
        var keyOnly = Measure(iterations, () => DPoPKey.FromJson(storedKey));
        var assertion = Measure(iterations, () => assertions.Create("https://as.example/", new Uri("https://as.example/token")));
        Row(report, "DPoP proof on an API call (ES256, with ath; the session key cached)", proof);
        Row(report, "the same, with a resource server nonce", proofWithNonce);
        Row(report, "a session's first call also reads its key from the stored JWK (then cached)", keyOnly);
        Row(report, "private_key_jwt assertion (ES256)", assertion);
        report.Line();
        report.Add(new SummaryRow(8, "DPoP proof cost", "CPU per API call with a DPoP-bound token", $"{proof:0} µs", "Bearer: 0 µs", $"+{proof:0} µs per call", "reported", null));
        report.Add(new SummaryRow(8, "Client assertion cost", "CPU per private_key_jwt assertion", $"{assertion:0} µs", "secret: 0 µs", $"+{assertion:0} µs per request", "reported", null));
        report.MarkRan(8);
        return Task.CompletedTask;
    }

    private static string AssertionJwk()
    {
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(true);
        static string B(byte[]? b) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(b);
        return $$"""{"kty":"EC","crv":"P-256","x":"{{B(p.Q.X)}}","y":"{{B(p.Q.Y)}}","d":"{{B(p.D)}}"}""";
    }

    /// <summary>µs per call: the median of ten batches' means, after a warm-up of a tenth of the iterations (a busy machine skews a mean).</summary>
    private static double Measure(int iterations, Func<object?> operation)
    {
        for (var i = 0; i < Math.Max(10, iterations / 10); i++)
        {
            operation();
        }

        var batches = new List<double>();
        var perBatch = Math.Max(1, iterations / 10);
        for (var batch = 0; batch < 10; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                operation();
            }

            batches.Add(watch.Elapsed.TotalMicroseconds / perBatch);
        }

        batches.Sort();
        return (batches[4] + batches[5]) / 2;
    }

    private static void Row(Report report, string name, double micros) =>
        report.Line($"| {name} | {micros:0.0} | {1_000_000 / micros:0} |");
}
