namespace OAuthWebClient.Client;

public sealed partial class OAuthClientOptions
{
    /// <summary>The configuration key under <c>OAuth</c> whose children are named providers.</summary>
    internal const string ProvidersKey = "Providers";

    /// <summary>What the sign-in page shows for this provider. Default: the provider's name.</summary>
    public string? DisplayName { get; set; }
}
