namespace OAuthWebClient.Tokens;

public static class TokenServiceExtensions
{
    /// <summary>The server-side token store and the token service that refreshes and revokes.</summary>
    public static IHostApplicationBuilder AddTokenService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ITokenStore, InMemoryTokenStore>();
        builder.Services.AddSingleton<SingleFlight>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<RequestTokenCache>();
        builder.Services.AddScoped<TokenService>();
        return builder;
    }
}
