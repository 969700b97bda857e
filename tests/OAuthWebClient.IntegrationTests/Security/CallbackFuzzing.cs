using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using System.Text;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;
using OAuthWebClient.Client;
using Xunit.Abstractions;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// Thousands of random and malformed callbacks — random parameters, repeated keys, huge values, broken percent
/// escapes, garbage, foreign and swapped cookies — never produce a 5xx, never reach the token endpoint and never
/// create a session. Seeded: set <c>FUZZ_SEED</c> to replay a run; the seed is printed.
/// </summary>
public sealed class CallbackFuzzing(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 2_500;
    private static readonly string[] Names = ["state", "code", "iss", "error", "error_description", "error_uri", "session_state", "scope", "id_token", "returnUrl", "", "st%61te", "STATE", "code[]", "x"];

    private readonly ScriptedClientHost _host = new();
    private readonly List<(string State, string CookieName, string CookieValue)> _transactions = [];

    [Fact]
    public async Task Thousands_of_malformed_callbacks_cause_no_5xx_no_token_call_and_no_session()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount;
        output.WriteLine($"Fuzz seed: {seed} (FUZZ_SEED={seed} replays this run)");
        var random = new Random(seed);
        for (var i = 0; i < 12; i++)
        {
            var browser = _host.NewBrowser();
            var request = await _host.BeginSignInAsync(browser);
            var cookie = Assert.Single(browser.Cookies.GetAllCookies());
            _transactions.Add((request.State, cookie.Name, cookie.Value));
        }

        var cases = Enumerable.Range(0, Requests).Select(_ => NextCase(random)).ToList();
        var failures = new ConcurrentQueue<string>();
        var sessionCookies = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzz, cancellationToken) =>
        {
            // Straight into the test server: the raw query and Cookie header reach the app unnormalised.
            var context = await _host.Factory.Server.SendAsync(http =>
            {
                http.Request.Method = fuzz.Method;
                http.Request.Path = fuzz.Path;
                http.Request.QueryString = new QueryString(fuzz.Query);
                if (fuzz.Cookie is not null)
                {
                    http.Request.Headers.Cookie = fuzz.Cookie;
                }
            }, cancellationToken);
            if (context.Response.StatusCode >= 500)
            {
                failures.Enqueue($"{context.Response.StatusCode} {fuzz.Method} {fuzz.Path}{Shorten(fuzz.Query)} Cookie: {Shorten(fuzz.Cookie)}");
            }

            if (context.Response.Headers.SetCookie.Any(c => c!.Contains(CookieSecurity.SessionCookie + "=", StringComparison.Ordinal) && !c.Contains(CookieSecurity.SessionCookie + "=;", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref sessionCookies);
            }
        });

        output.WriteLine($"{cases.Count} requests, {failures.Count} 5xx, {_host.Server.TokenCalls} token calls, {_host.Sessions.SessionsCreated} sessions.");
        Assert.True(cases.Count >= 2_000);
        Assert.True(failures.IsEmpty, $"Seed {seed}: {failures.Count} responses were 5xx, e.g.\n" + string.Join('\n', failures.Take(5)));
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
        Assert.Equal(0, sessionCookies);
    }

    private FuzzCase NextCase(Random random)
    {
        var method = random.Next(20) switch { 0 => "POST", 1 => "HEAD", 2 => "OPTIONS", _ => "GET" };
        var path = random.Next(10) switch { 0 => "/callback/", 1 => "/CALLBACK", 2 => "/callback;jsessionid=1", 3 => "/callback/..%2F", _ => "/callback" };
        var parameters = new List<(string Name, string Value)>();
        var count = random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            parameters.Add((Pick(random, Names), NextValue(random)));
        }

        // Repeat some keys (RFC 6749 §3.1 forbids it).
        if (parameters.Count > 0 && random.Next(4) == 0)
        {
            parameters.Add(parameters[random.Next(parameters.Count)]);
        }

        string? cookie = random.Next(6) switch
        {
            0 => null,
            1 => Garbage(random, random.Next(1, 200)),
            2 => ForeignTransactionCookie(random, parameters),
            3 => OwnTransactionCookieWithABrokenResponse(random, parameters),
            4 => $"{CookieSecurity.SessionCookie}={Garbage(random, random.Next(1, 400))}; __Host-{CookieSecurity.SessionCookie}=CfDJ8{Garbage(random, 50)}",
            _ => string.Join("; ", Enumerable.Range(0, random.Next(1, 30)).Select(_ => $"{Pick(random, _transactions).CookieName}={Garbage(random, random.Next(0, 3000))}")),
        };
        var query = parameters.Count == 0 && random.Next(3) == 0
            ? Pick(random, ["", "?&&&", "?=", "?state", "?%", "?%zz=%zz", "?state=%C0%AF&code=%00", "?" + new string('&', 5000)])
            : "?" + string.Join('&', parameters.Select(p => p.Name + "=" + p.Value));
        return new FuzzCase(method, path, query, cookie);
    }

    /// <summary>A real transaction cookie, answered with another transaction's state or a random one (CSRF, swapped cookies).</summary>
    private string ForeignTransactionCookie(Random random, List<(string Name, string Value)> parameters)
    {
        var transaction = Pick(random, _transactions);
        var other = Pick(random, _transactions);
        if (other.State != transaction.State)
        {
            parameters.Add(("state", Uri.EscapeDataString(other.State)));
        }

        return $"{transaction.CookieName}={(random.Next(2) == 0 ? transaction.CookieValue : other.CookieValue)}";
    }

    /// <summary>The browser's own cookie and state, but a response that must still be refused: foreign or missing iss, repeated keys, no code.</summary>
    private string OwnTransactionCookieWithABrokenResponse(Random random, List<(string Name, string Value)> parameters)
    {
        var transaction = Pick(random, _transactions);
        parameters.RemoveAll(p => p.Name is "state" or "iss" or "code");
        parameters.Add(("state", Uri.EscapeDataString(transaction.State)));
        switch (random.Next(5))
        {
            case 0: parameters.Add(("code", "c-" + Garbage(random, 20))); parameters.Add(("iss", Uri.EscapeDataString("http://attacker.example/"))); break;
            case 1: parameters.Add(("code", "c-" + Garbage(random, 20))); break; // no iss, although advertised
            case 2: parameters.Add(("code", "c-1")); parameters.Add(("code", "c-2")); parameters.Add(("iss", Uri.EscapeDataString(_host.Server.Issuer))); break;
            case 3: parameters.Add(("state", Uri.EscapeDataString(transaction.State))); parameters.Add(("code", "c-1")); parameters.Add(("iss", Uri.EscapeDataString(_host.Server.Issuer))); break;
            default: parameters.Add(("iss", Uri.EscapeDataString(_host.Server.Issuer))); break; // neither code nor error
        }

        return $"{transaction.CookieName}={transaction.CookieValue}" + (random.Next(3) == 0 ? $"; {transaction.CookieName}={Garbage(random, 40)}" : "");
    }

    private string NextValue(Random random) => random.Next(14) switch
    {
        0 => "",
        1 => Garbage(random, random.Next(1, 64)),
        2 => new string('A', random.Next(10_000, 100_000)),
        3 => Uri.EscapeDataString(Pick(random, _transactions).State),
        4 => Uri.EscapeDataString(_host.Server.Issuer),
        5 => Uri.EscapeDataString("http://attacker.example/"),
        6 => Pick(random, ["%", "%z", "%zz", "%00", "%C0%AF", "%FF%FE", "%E2%80%AE", "%0d%0aSet-Cookie:%20x=1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"]),
        7 => Uri.EscapeDataString("<script>alert(1)</script>\"'&"),
        8 => Uri.EscapeDataString(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0x80, 0xD7FF)))),
        9 => Pick(random, ["null", "undefined", "true", "0", "-1", "[]", "{}", "access_denied", "invalid_request"]),
        10 => Uri.EscapeDataString("javascript:alert(1)"),
        11 => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
        _ => Uri.EscapeDataString(Garbage(random, random.Next(64, 2_000))),
    };

    private static string Garbage(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=%;,\" \\";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 160 ? text : text[..160] + $"… ({text.Length} chars)";

    private sealed record FuzzCase(string Method, string Path, string Query, string? Cookie);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
