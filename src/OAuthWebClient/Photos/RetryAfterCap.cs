using Microsoft.Extensions.Http.Resilience;

namespace OAuthWebClient.Photos;

/// <summary>
/// <c>Retry-After</c> (RFC 9110 §10.2.3) honoured up to <see cref="Polly.Retry.RetryStrategyOptions{TResult}.MaxDelay"/>.
/// Polly ignores MaxDelay for delays from a delay generator, and Retry-After is one: alone, "Retry-After: 3600" would
/// hold the request until the total timeout and fail it. Cut to the cap, the retry still happens.
/// </summary>
internal static class RetryAfterCap
{
    /// <summary>Call after <c>ShouldRetryAfterHeader</c> and <c>MaxDelay</c> are set.</summary>
    public static void CapRetryAfterAtMaxDelay(this HttpRetryStrategyOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (retry.DelayGenerator is not { } retryAfter || retry.MaxDelay is not { } cap)
        {
            return;
        }

        retry.DelayGenerator = async args =>
        {
            var delay = await retryAfter(args);
            return delay > cap ? cap : delay;
        };
    }
}
