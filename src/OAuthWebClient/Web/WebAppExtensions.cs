using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Health;
using OAuthWebClient.Client;
using OAuthWebClient.Login;

namespace OAuthWebClient.Web;

public static class WebAppExtensions
{
    /// <summary>MVC with antiforgery on every unsafe request, and Data Protection (the session cookie is the library's).</summary>
    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            // The embedded sandbox's assemblies are referenced too; their controllers belong to their own hosts.
            .ConfigureApplicationPartManager(parts =>
            {
                var own = typeof(WebAppExtensions).Assembly.GetName().Name;
                foreach (var part in parts.ApplicationParts.Where(p => p.Name != own).ToList())
                {
                    parts.ApplicationParts.Remove(part);
                }
            });
        builder.AddDataProtectionKeys();
        services.AddTrustedProxies();
        services.AddSingleton<StepUpScopes>(); // the login controller opens what the photos filter sealed
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<OAuthClientOptions>, IConfiguration>((antiforgery, oauth, configuration) =>
            {
                var https = CookieSecurity.ServedOverHttps(configuration, oauth.Value);
                antiforgery.Cookie.Name = CookieSecurity.Name(CookieSecurity.AntiforgeryCookie, https);
                antiforgery.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                antiforgery.Cookie.Path = "/";
            });
        return builder;
    }

    /// <summary>The request pipeline and the OAuth routes whose paths come from configuration.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTrustedProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<StoreUnavailableMiddleware>(); // Redis down: 503 "try again", the session kept
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        var oauth = app.Services.GetRequiredService<IOptions<OAuthClientOptions>>().Value;
        app.MapControllerRoute("oauth-login", oauth.LoginPath.TrimStart('/'), new { controller = "Login", action = "Login" });
        app.MapControllerRoute("oauth-callback", oauth.CallbackPath.TrimStart('/'), new { controller = "Callback", action = "Handle" });
        app.MapControllerRoute("oauth-callback-provider", oauth.CallbackPath.TrimStart('/').TrimEnd('/') + "/{provider}", new { controller = "Callback", action = "Handle" });
        app.MapControllerRoute("oauth-backchannel-logout", oauth.BackchannelLogoutPath.TrimStart('/'), new { controller = "BackchannelLogout", action = "Handle" });
        app.MapControllerRoute("oauth-backchannel-logout-provider", oauth.BackchannelLogoutPath.TrimStart('/').TrimEnd('/') + "/{provider}", new { controller = "BackchannelLogout", action = "Handle" });
        app.MapControllerRoute("oauth-signed-out", oauth.SignedOutCallbackPath.TrimStart('/'), new { controller = "SignedOut", action = "Index" });
        app.MapControllers();
        app.MapClientJwks();                   // /.well-known/jwks.json: the public keys of private_key_jwt, to register by URL
        app.MapHealth();
        return app;
    }
}
