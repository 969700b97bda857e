namespace Sandbox.AuthServer;

/// <summary>
/// Entry point of the sandbox authorization server. The OAuthWebClient embeds it in-process and the tests host
/// it with <c>WebApplicationFactory&lt;AuthServerApp&gt;</c>, hence a non-static type.
/// </summary>
public sealed class AuthServerApp
{
    private AuthServerApp()
    {
    }

    /// <summary>
    /// Builds the sandbox authorization server. <paramref name="configure"/> runs after the defaults are added
    /// and before <c>Build()</c>, so a caller can replace configuration sources, set URLs, or replace services.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);

        // ApplicationName makes MVC discover this assembly's controllers and views even when the process's
        // entry assembly is the client.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AuthServerApp).Assembly.GetName().Name,
        });

        builder.Services.AddSandboxAuthServer();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRouting();
        // OpenIddict's endpoints run inside the authentication middleware.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
