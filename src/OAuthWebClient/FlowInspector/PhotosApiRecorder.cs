using Microsoft.Extensions.Options;
using OAuthWebClient.Photos;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// A <see cref="DelegatingHandler"/> on <see cref="PhotosApiClient"/>'s HttpClient, innermost (after the bearer
/// handler and retries): records every call actually sent to the photos API — status, latency, and whether the
/// access token changed since the previous call (step 5). The token itself is kept only as a prefix.
/// </summary>
public sealed class PhotosApiRecorder(
    IHttpContextAccessor httpContextAccessor,
    FlowRecorder recorder,
    FlowBrowserCookie browserCookie,
    IOptions<FlowInspectorOptions> options,
    TimeProvider timeProvider,
    ILogger<PhotosApiRecorder> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = httpContextAccessor.HttpContext;
        if (!options.Value.IsEnabled || http is null || browserCookie.Find(http) is not { } browserId)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var sent = recorder.Now;
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Record(browserId, request, sent, (int)response.StatusCode, timeProvider.GetElapsedTime(started), response.Headers.WwwAuthenticate.ToString());
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Record(browserId, request, sent, status: null, timeProvider.GetElapsedTime(started), "no answer: " + e.GetType().Name);
            throw;
        }
    }

    private void Record(string browserId, HttpRequestMessage request, DateTimeOffset sent, int? status, TimeSpan latency, string? challenge)
    {
        try
        {
            var flow = recorder.For(browserId);
            var token = request.Headers.Authorization?.Parameter;
            var previous = token is null ? null : flow.SwapAccessToken(FlowRedaction.Fingerprint(token));
            var rotation = token is null ? "No access token sent."
                : previous is null ? "First call with this session's access token."
                : previous == FlowRedaction.Fingerprint(token) ? "Same access token as the previous call."
                : "New access token since the previous call (it was refreshed).";
            List<FlowField> details = [new("Authorization", token is null ? "(none)" : "Bearer " + FlowRedaction.Prefix(token), "RFC 6750 §2.1: added by Photos/BearerTokenHandler.cs, only for the API's origin.")];
            if (!string.IsNullOrEmpty(challenge))
            {
                details.Add(new FlowField("WWW-Authenticate", challenge, "RFC 6750 §3: why the API refused."));
            }

            flow.Add(new FlowActivity
            {
                At = sent,
                Kind = FlowActivityKind.ApiCall,
                Request = $"{request.Method} {request.RequestUri?.AbsolutePath}",
                Status = status,
                Latency = latency,
                Rotation = rotation,
                Details = details,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RecordingFailed(logger, "photos API call", e.GetType().Name);
        }
    }
}
