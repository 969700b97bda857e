using OAuthWebClient.FlowInspector;
using OAuthWebClient.Health;
using OAuthWebClient.Logging;
using OAuthWebClient.OAuth;
using OAuthWebClient.Photos;
using OAuthWebClient.Sandbox;
using OAuthWebClient.ScaleOut;
using OAuthWebClient.Tokens;
using OAuthWebClient.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositorySettings();  // ./appsettings.json at the repository root
builder.AddSecretRedaction();     // no code, state, token or secret reaches a log sink
builder.AddEmbeddedSandbox();     // first: the OpenIddict sandbox, when no OAuth:Authority is set, listens before anything calls it
builder.AddOAuthClient();         // Login → Callback: PKCE, state, metadata, token endpoint, ID token
builder.AddTokenService();        // Tokens: server-side store, refresh, revocation
builder.AddPhotosApi();           // Photos: typed client + bearer DelegatingHandler
builder.AddScaleOut();            // Redis for tokens, states, refresh leases and keys when ConnectionStrings:Redis is set
builder.AddHealth();              // /health: the authorization server and the token store
builder.AddWebApp();              // MVC, session cookie, Data Protection, security headers
builder.AddFlowInspector();       // /flow: this browser's sign-in step by step, redacted (on in Development)

var app = builder.Build();
return app.RunReportingConfigurationProblems(pipeline: web => web.UseWebApp());

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
