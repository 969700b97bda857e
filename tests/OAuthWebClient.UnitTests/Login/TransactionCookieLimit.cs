using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class TransactionCookieLimit
{
    private static List<KeyValuePair<string, string>> Existing(TransactionCookieJar jar, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => TransactionCookieJar.Pair(jar.Write(jar.NewTransaction())))];

    [Fact]
    public void Beyond_the_maximum_the_old_transaction_cookies_are_deleted()
    {
        var jar = new TransactionCookieJar();
        var existing = Existing(jar, TransactionCookies.MaxConcurrent);
        var context = TransactionCookieJar.Request(https: true, existing);
        var fresh = jar.NewTransaction();

        jar.Cookies.Write(context, fresh);

        var setCookies = TransactionCookieJar.SetCookies(context);
        foreach (var old in existing)
        {
            var deletion = Assert.Single(setCookies, c => c.Name.Value == old.Key);
            Assert.Equal(string.Empty, deletion.Value.Value);
            Assert.True(deletion.Expires < jar.Time.GetUtcNow() || deletion.MaxAge <= TimeSpan.Zero);
            Assert.Equal("/signin/callback", deletion.Path.Value);
        }

        var kept = Assert.Single(setCookies, c => c.Value.Length > 0);
        Assert.Equal(fresh, jar.Read(fresh.State, true, TransactionCookieJar.Pair(kept)).Transaction);
    }

    [Fact]
    public void Below_the_maximum_no_cookie_is_deleted()
    {
        var jar = new TransactionCookieJar();
        var existing = Existing(jar, TransactionCookies.MaxConcurrent - 1);
        var context = TransactionCookieJar.Request(https: true, existing);

        jar.Cookies.Write(context, jar.NewTransaction());

        Assert.Single(TransactionCookieJar.SetCookies(context));
    }

    [Fact]
    public void Unrelated_cookies_do_not_count_and_are_never_deleted()
    {
        var jar = new TransactionCookieJar();
        var unrelated = Enumerable.Range(0, 10).Select(i => new KeyValuePair<string, string>("other" + i, "v")).ToList();
        var context = TransactionCookieJar.Request(https: true, unrelated);

        jar.Cookies.Write(context, jar.NewTransaction());

        var setCookie = Assert.Single(TransactionCookieJar.SetCookies(context));
        Assert.StartsWith("__Secure-oauth.tx.", setCookie.Name.Value, StringComparison.Ordinal);
    }
}
