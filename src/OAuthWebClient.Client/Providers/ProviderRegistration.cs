namespace OAuthWebClient.Client.Providers;

/// <summary>A provider named in code (<c>OAuthClientBuilder.AddProvider</c>) rather than under <c>OAuth:Providers</c>.</summary>
internal sealed record ProviderRegistration(string Name);
