namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>What the sandbox process counts, read by the driver at <c>/_bench/counters</c> on the fast server.</summary>
internal static class BenchCounters
{
    private static long s_codeGrants;
    private static long s_refreshGrants;
    private static long s_fastTokenRequests;

    /// <summary>Authorization code redemptions at the sandbox authorization server.</summary>
    public static long CodeGrants => Interlocked.Read(ref s_codeGrants);

    /// <summary>Refresh token grants at the sandbox authorization server (scenario 4 counts these).</summary>
    public static long RefreshGrants => Interlocked.Read(ref s_refreshGrants);

    /// <summary>Token requests answered by the fast benchmark token endpoint.</summary>
    public static long FastTokenRequests => Interlocked.Read(ref s_fastTokenRequests);

    public static void CountGrant(string? grantType)
    {
        if (grantType == "refresh_token")
        {
            Interlocked.Increment(ref s_refreshGrants);
        }
        else if (grantType == "authorization_code")
        {
            Interlocked.Increment(ref s_codeGrants);
        }
    }

    public static void CountFastTokenRequest() => Interlocked.Increment(ref s_fastTokenRequests);
}
