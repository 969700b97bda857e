using OAuthWebClient.FlowInspector;
using OAuthWebClient.Health;
using OAuthWebClient.Logging;
using OAuthWebClient.Photos;
using OAuthWebClient.Sandbox;
using OAuthWebClient.Telemetry;
using OAuthWebClient.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositorySettings();            // ./appsettings.json at the repository root
builder.AddSecretRedaction();               // no code, state, token or secret reaches a log sink
builder.AddEmbeddedSandbox();               // first: the OpenIddict sandbox (Development, no OAuth:Authority) listens before anything calls it
builder.Services.AddOAuthClient()           // the library, OAuthWebClient.Client: Login → Callback → Tokens → Logout
    .AddRedis();                            // tokens, states, refresh leases and keys in Redis when ConnectionStrings:Redis is set
builder.AddPhotosApi();                     // Photos: typed client + the library's user access token handler
builder.AddHealth();                        // /health: the authorization server, the token store and the self-check
builder.AddWebApp();                        // MVC, antiforgery, Data Protection, security headers
builder.AddFlowInspector();                 // /flow: this browser's sign-in step by step, from the library's events (Development)
builder.AddTelemetry();                     // OpenTelemetry traces and metrics, no URL query in them; OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set

var app = builder.Build();
return app.RunReportingConfigurationProblems(pipeline: web => web.UseWebApp());

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
