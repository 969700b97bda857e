using Microsoft.AspNetCore.DataProtection;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class TransactionCookieRejection
{
    [Fact]
    public void Tampered_value_is_unreadable()
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();
        var cookie = TransactionCookieJar.Pair(jar.Write(transaction));
        var chars = cookie.Value.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';

        var read = jar.Read(transaction.State, true, KeyValuePair.Create(cookie.Key, new string(chars)));

        Assert.Equal(TransactionStatus.Unreadable, read.Status);
        Assert.Null(read.Transaction);
    }

    [Fact]
    public void Value_that_is_not_protected_data_is_unreadable()
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();
        var name = jar.Write(transaction).Name.Value!;

        Assert.Equal(TransactionStatus.Unreadable, jar.Read(transaction.State, true, KeyValuePair.Create(name, "not-a-protected-value")).Status);
    }

    [Fact]
    public void Cookie_protected_with_other_keys_is_unreadable()
    {
        var writer = new TransactionCookieJar(new EphemeralDataProtectionProvider());
        var reader = new TransactionCookieJar(new EphemeralDataProtectionProvider(), writer.Time);
        var transaction = writer.NewTransaction();
        var cookie = writer.Write(transaction);

        Assert.Equal(TransactionStatus.Unreadable, reader.Read(transaction.State, true, TransactionCookieJar.Pair(cookie)).Status);
    }

    [Fact]
    public void Looking_up_another_state_finds_no_cookie()
    {
        var jar = new TransactionCookieJar();
        var cookie = jar.Write(jar.NewTransaction("state-A"));

        Assert.Equal(TransactionStatus.Missing, jar.Read("state-B", true, TransactionCookieJar.Pair(cookie)).Status);
    }

    [Fact]
    public void Cookie_written_on_http_is_not_found_on_https()
    {
        var jar = new TransactionCookieJar();
        var cookie = jar.Write(jar.NewTransaction("state-A"), https: false);

        Assert.Equal(TransactionStatus.Missing, jar.Read("state-A", true, TransactionCookieJar.Pair(cookie)).Status);
    }

    [Fact]
    public void No_cookie_at_all_is_missing()
    {
        Assert.Equal(TransactionStatus.Missing, new TransactionCookieJar().Read("state-A", true).Status);
    }

    [Fact]
    public void Cookie_copied_under_the_name_of_another_state_is_a_state_mismatch()
    {
        var jar = new TransactionCookieJar();
        var cookie = jar.Write(jar.NewTransaction("state-A"));
        var nameForB = jar.Cookies.CookieName(TransactionCookieJar.Request(https: true), "state-B");

        var read = jar.Read("state-B", true, KeyValuePair.Create(nameForB, cookie.Value.Value!));

        Assert.Equal(TransactionStatus.StateMismatch, read.Status);
        Assert.Null(read.Transaction);
    }

    [Fact]
    public void Transaction_older_than_its_lifetime_is_expired()
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();
        var cookie = jar.Write(transaction);

        jar.Time.Advance(jar.Options.TransactionLifetime + TimeSpan.FromSeconds(1));

        var read = jar.Read(transaction.State, true, TransactionCookieJar.Pair(cookie));
        Assert.Equal(TransactionStatus.Expired, read.Status);
        Assert.Null(read.Transaction);
    }
}
