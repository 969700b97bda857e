namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>The browser tests share one Chromium and run one at a time (two cores: no timing games).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
