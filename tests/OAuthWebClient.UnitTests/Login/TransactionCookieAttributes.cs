using System.Buffers.Text;
using System.Text;
using Microsoft.Net.Http.Headers;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class TransactionCookieAttributes
{
    [Fact]
    public void Cookie_is_http_only_lax_and_scoped_to_the_callback_path()
    {
        var jar = new TransactionCookieJar();

        var cookie = jar.Write(jar.NewTransaction());

        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/signin/callback", cookie.Path.Value);
    }

    [Fact]
    public void Cookie_lives_at_most_ten_minutes()
    {
        var jar = new TransactionCookieJar();

        var cookie = jar.Write(jar.NewTransaction());

        Assert.NotNull(cookie.MaxAge);
        Assert.InRange(cookie.MaxAge.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(600));
    }

    [Fact]
    public void On_https_the_cookie_is_secure_and_named_with_the_secure_prefix()
    {
        var jar = new TransactionCookieJar();

        var cookie = jar.Write(jar.NewTransaction(), https: true);

        Assert.True(cookie.Secure);
        Assert.StartsWith("__Secure-oauth.tx.", cookie.Name.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void On_http_the_cookie_is_not_secure_and_has_no_secure_prefix()
    {
        var jar = new TransactionCookieJar();

        var cookie = jar.Write(jar.NewTransaction(), https: false);

        Assert.False(cookie.Secure);
        Assert.StartsWith("oauth.tx.", cookie.Name.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Behind_a_tls_terminating_proxy_an_https_public_origin_makes_the_cookie_secure()
    {
        var jar = new TransactionCookieJar(publicOrigin: new Uri("https://app.example"));
        var transaction = jar.NewTransaction();

        var cookie = jar.Write(transaction, https: false);

        Assert.True(cookie.Secure);
        Assert.StartsWith("__Secure-oauth.tx.", cookie.Name.Value, StringComparison.Ordinal);
        Assert.Equal(transaction, jar.Read(transaction.State, false, TransactionCookieJar.Pair(cookie)).Transaction);
    }

    [Fact]
    public void Neither_name_nor_value_carries_the_state_verifier_or_nonce_in_clear()
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();

        var cookie = jar.Write(transaction);
        var raw = cookie.ToString();
        var decoded = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(cookie.Value.Value));

        foreach (var secret in new[] { transaction.State, transaction.CodeVerifier, transaction.Nonce! })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, decoded, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/photos", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_transaction_expires_its_cookie_on_the_same_path()
    {
        var jar = new TransactionCookieJar();
        var context = TransactionCookieJar.Request(https: true);

        jar.Cookies.Delete(context, "some-state");

        var deletion = Assert.Single(TransactionCookieJar.SetCookies(context));
        Assert.Equal(jar.Cookies.CookieName(context, "some-state"), deletion.Name.Value);
        Assert.Equal("/signin/callback", deletion.Path.Value);
        Assert.True(deletion.Expires < jar.Time.GetUtcNow() || deletion.MaxAge <= TimeSpan.Zero);
    }
}
