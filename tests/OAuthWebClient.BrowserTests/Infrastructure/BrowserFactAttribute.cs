namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>A test that needs Chromium: skipped with an install hint when it is missing, unless <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
