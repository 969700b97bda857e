using OAuthWebClient.OAuth;
using OAuthWebClient.Photos;
using OAuthWebClient.Sandbox;
using OAuthWebClient.Tokens;
using OAuthWebClient.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositorySettings();  // ./appsettings.json at the repository root
builder.AddOAuthClient();         // Login → Callback: PKCE, state, metadata, token endpoint, ID token
builder.AddTokenService();        // Tokens: server-side store, refresh, revocation
builder.AddPhotosApi();           // Photos: typed client + bearer DelegatingHandler
builder.AddEmbeddedSandbox();     // the OpenIddict sandbox when no OAuth:Authority is set
builder.AddWebApp();              // MVC, session cookie, Data Protection

var app = builder.Build();
app.UseWebApp();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
