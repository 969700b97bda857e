using System.Text;
using Microsoft.IdentityModel.Protocols;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// Fetches metadata and JWKS documents for Microsoft.IdentityModel's configuration manager, with a fresh client from
/// <see cref="IHttpClientFactory"/> per call (the long-lived manager never pins one handler and its DNS answers).
/// https unless allowed otherwise, no redirects followed (RFC 9700 §4.11), 1 MB at most, the whole exchange within
/// <c>OAuth:BackchannelTimeout</c>. Every failure is an <see cref="InvalidOperationException"/> with a plain reason.
/// It also notes the server's <c>Date</c> header, for the start-up self-check's clock comparison.
/// </summary>
internal sealed class BackchannelDocumentRetriever(
    IHttpClientFactory httpClientFactory,
    bool requireHttps,
    TimeSpan timeout,
    ServerClock clock) : IDocumentRetriever
{
    internal const int MaxDocumentBytes = 1024 * 1024;

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("The authorization server's metadata names a document address that is not an http(s) URL.");
        }

        var shown = BackchannelHttp.WithoutQuery(uri);
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{shown} is not https. Set OAuth:RequireHttpsMetadata=false only for a development server.");
        }

        using var deadline = BackchannelHttp.Deadline(timeout, cancel);
        try
        {
            using var response = await httpClientFactory.CreateClient(BackchannelClient.Name)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.Headers.Date is { } date)
            {
                clock.Observe(date);
            }

            if (BackchannelHttp.IsRedirect(response))
            {
                throw new InvalidOperationException(
                    $"{shown} answered with a redirect ({BackchannelHttp.Status(response.StatusCode)}) to {BackchannelHttp.Target(response)}; calls to the sign-in server never follow redirects.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{shown} answered {BackchannelHttp.Status(response.StatusCode)}.");
            }

            var body = await BackchannelHttp.ReadLimitedAsync(response.Content, MaxDocumentBytes, deadline.Token)
                ?? throw new InvalidOperationException($"{shown} answered with more than {MaxDocumentBytes / 1024} KB.");
            return DecodeUtf8(body, shown);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            throw new InvalidOperationException($"{shown} could not be reached ({(e is OperationCanceledException ? "timeout" : "connection failed")}).", e);
        }
    }

    /// <summary>RFC 8259 §8.1: JSON exchanged between systems is UTF-8; anything else is refused, not guessed at.</summary>
    private static string DecodeUtf8(ReadOnlyMemory<byte> body, string shown)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidOperationException($"{shown} answered with text that is not valid UTF-8.");
        }
    }
}
