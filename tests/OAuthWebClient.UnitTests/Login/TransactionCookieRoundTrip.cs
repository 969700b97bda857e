using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class TransactionCookieRoundTrip
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Written_transaction_is_read_back_from_the_set_cookie_header(bool https)
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();
        var cookie = jar.Write(transaction, https);

        var read = jar.Read(transaction.State, https, TransactionCookieJar.Pair(cookie));

        Assert.Equal(TransactionStatus.Valid, read.Status);
        Assert.Equal(transaction, read.Transaction);
    }

    [Fact]
    public void Just_before_the_lifetime_ends_the_transaction_is_still_valid()
    {
        var jar = new TransactionCookieJar();
        var transaction = jar.NewTransaction();
        var cookie = jar.Write(transaction);

        jar.Time.Advance(jar.Options.TransactionLifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(TransactionStatus.Valid, jar.Read(transaction.State, true, TransactionCookieJar.Pair(cookie)).Status);
    }

    [Fact]
    public void Two_transactions_coexist_and_both_are_readable()
    {
        var jar = new TransactionCookieJar();
        var first = jar.NewTransaction();
        var second = jar.NewTransaction();
        var firstCookie = jar.Write(first);
        var secondCookie = jar.Write(second, existing: [TransactionCookieJar.Pair(firstCookie)]);
        var both = new[] { TransactionCookieJar.Pair(firstCookie), TransactionCookieJar.Pair(secondCookie) };

        Assert.NotEqual(firstCookie.Name, secondCookie.Name);
        Assert.Equal(first, jar.Read(first.State, true, both).Transaction);
        Assert.Equal(second, jar.Read(second.State, true, both).Transaction);
    }
}
