using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Health;
using OAuthWebClient.OAuth;
using OAuthWebClient.Session;

namespace OAuthWebClient.Web;

public static class WebAppExtensions
{
    /// <summary>MVC with antiforgery on every unsafe request, the session cookie, and Data Protection.</summary>
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
        services.AddDataProtection().SetApplicationName("OAuthWebClient");
        services.AddTrustedProxies();
        services.AddTransient<SessionCookieEvents>();
        services.AddAuthentication(SessionClaims.Scheme).AddCookie(SessionClaims.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(SessionClaims.Scheme)
            .Configure<IOptions<OAuthClientOptions>, IConfiguration>((cookie, oauth, configuration) =>
            {
                var https = CookieSecurity.ServedOverHttps(configuration, oauth.Value);
                cookie.Cookie.Name = CookieSecurity.Name(CookieSecurity.SessionCookie, https);
                cookie.Cookie.HttpOnly = true;
                // Lax: the sign-in completes on a cross-site redirect chain, which Strict cookies would not follow.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = oauth.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.EventsType = typeof(SessionCookieEvents);
            });
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
        app.MapControllerRoute("oauth-signed-out", oauth.SignedOutCallbackPath.TrimStart('/'), new { controller = "SignedOut", action = "Index" });
        app.MapControllers();
        app.MapHealth();
        return app;
    }
}
