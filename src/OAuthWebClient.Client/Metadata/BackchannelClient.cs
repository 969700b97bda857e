namespace OAuthWebClient.Client.Metadata;

/// <summary>The named <see cref="HttpClient"/> for calls from this app to the authorization server.</summary>
internal static class BackchannelClient
{
    public const string Name = "OAuth.Backchannel";
}
