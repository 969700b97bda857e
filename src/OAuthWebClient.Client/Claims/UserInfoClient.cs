using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Metadata;

namespace OAuthWebClient.Client.Claims;

/// <summary>
/// The UserInfo request (OIDC Core §5.3.1): a GET with the access token as a Bearer credential (RFC 6750 §2.1) over the
/// back-channel client — no redirects followed (RFC 9700 §4.11: one would carry the token away), 64 KB and
/// <c>OAuth:BackchannelTimeout</c> at most. The answer must be a JSON object whose <c>sub</c> is the ID token's
/// (§5.3.2). A signed or encrypted answer (<c>application/jwt</c>, §5.3.2) is refused rather than trusted unverified.
/// </summary>
internal sealed class UserInfoClient(IHttpClientFactory httpClientFactory, [FromKeyedServices] IOptions<OAuthClientOptions> options, ILogger<UserInfoClient> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<UserInfoResult> GetAsync(Uri endpoint, string accessToken, string expectedSubject, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var deadline = BackchannelHttp.Deadline(options.Value.BackchannelTimeout, cancellationToken);
        try
        {
            using var response = await httpClientFactory.CreateClient(BackchannelClient.Name).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var result = await ReadAsync(response, expectedSubject, deadline.Token);
            Log.UserInfoAnswered(logger, (int)response.StatusCode, result.Failure?.ToString() ?? "Success", result.Error);
            return result;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var failure = e is OperationCanceledException ? "timeout" : "connection failed";
            Log.UserInfoUnreachable(logger, failure);
            return UserInfoResult.Failed($"The sign-in server's UserInfo endpoint could not be reached ({failure}).");
        }
    }

    private static async Task<UserInfoResult> ReadAsync(HttpResponseMessage response, string expectedSubject, CancellationToken cancellationToken)
    {
        if (BackchannelHttp.IsRedirect(response))
        {
            return UserInfoResult.Failed($"The UserInfo endpoint answered with a redirect ({BackchannelHttp.Status(response.StatusCode)}); calls to the sign-in server never follow redirects.");
        }

        if (!response.IsSuccessStatusCode)
        {
            return UserInfoResult.Failed($"The UserInfo endpoint answered {BackchannelHttp.Status(response.StatusCode)}.");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (string.Equals(mediaType, "application/jwt", StringComparison.OrdinalIgnoreCase))
        {
            return UserInfoResult.Failed("The UserInfo endpoint answered with a signed or encrypted JWT (application/jwt), which this client does not accept; configure the client at the server for plain JSON UserInfo answers.");
        }

        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return UserInfoResult.Failed($"The UserInfo endpoint answered with {(mediaType is null ? "no content type" : "\"" + mediaType + "\"")} instead of JSON.");
        }

        if (await BackchannelHttp.ReadLimitedAsync(response.Content, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return UserInfoResult.Failed($"The UserInfo endpoint's answer is larger than {MaxBodyBytes / 1024} KB.");
        }

        JsonElement claims;
        try
        {
            using var document = JsonDocument.Parse(body);
            claims = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return UserInfoResult.Failed("The UserInfo endpoint's answer is not valid JSON.");
        }

        if (claims.ValueKind != JsonValueKind.Object)
        {
            return UserInfoResult.Failed("The UserInfo endpoint's answer is not a JSON object (OIDC Core §5.3.2).");
        }

        // OIDC Core §5.3.2: the sub must be compared exactly with the ID token's; if they differ, the answer is not used.
        return claims.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String && string.Equals(sub.GetString(), expectedSubject, StringComparison.Ordinal)
            ? UserInfoResult.Answered(claims)
            : UserInfoResult.SubjectMismatch();
    }
}
