using OAuthWebClient.Client;

namespace OAuthWebClient.Login;

/// <summary>The sign-in page when several providers are configured: one button each.</summary>
public sealed record ChooseProviderViewModel(IReadOnlyList<OAuthProvider> Providers, string? ReturnUrl);
