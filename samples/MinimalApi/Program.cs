using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using MinimalApi;
using OAuthWebClient.Client;

var builder = WebApplication.CreateBuilder(args);

// Sign-in, the session cookie and the server-side tokens, configured from the "OAuth" section.
builder.Services.AddOAuthClient();
builder.Services.AddAuthorization();

// The photos API, called with the signed-in person's access token, which is sent to that origin only.
var photosApi = builder.Configuration.GetValue<Uri>("PhotosApi:BaseAddress") ?? new Uri("http://127.0.0.1:5002/");
builder.Services.AddHttpClient<PhotoTitles>(http => http.BaseAddress = photosApi).AddUserAccessTokenHandler(photosApi);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext http) => Results.Content(http.User.Identity is { IsAuthenticated: true, Name: var name }
    ? $"<p>Signed in as {HtmlEncoder.Default.Encode(name ?? "")}. <a href=\"/photos\">Your photos</a></p>"
        + "<form method=\"post\" action=\"/logout\"><button>Sign out</button></form>"
    : "<p><a href=\"/login\">Sign in</a></p>", "text/html; charset=utf-8"));

app.MapGet("/login", async (string? returnUrl, HttpContext http, ISignInService signIn) =>
{
    var start = await signIn.StartAsync(http, new SignInStartRequest { ReturnUrl = returnUrl });
    return start.Succeeded ? Results.Redirect(start.AuthorizationUrl!.AbsoluteUri) : Results.Text(start.Failure!.Message, statusCode: 503);
});

// A failure's message is one plain sentence with no secret in it; sent as text/plain, it needs no escaping.
app.MapGet("/callback", async (HttpContext http, ISignInService signIn) => (await signIn.CompleteAsync(http)) switch
{
    { Succeeded: true } result => Results.LocalRedirect(result.ReturnUrl!),
    { Failure: { Reason: SignInFailureReason.ServerUnavailable } failure } => Results.Text(failure.Message, statusCode: 503),
    { Failure: var failure } => Results.Text(failure!.Message, statusCode: 400),
});

// When the tokens are gone (refresh refused), sign in again; any other refusal is said plainly, never a 500.
app.MapGet("/photos", async (PhotoTitles photos, CancellationToken cancellationToken) =>
{
    try { return Results.Text(string.Join('\n', await photos.ListAsync(cancellationToken))); }
    catch (UserAccessTokenException e) when (e.Failure is UserTokenFailure.SessionMissing or UserTokenFailure.ReauthenticationRequired) { return Results.Redirect("/login?returnUrl=/photos"); }
    catch (UserAccessTokenException e) { return Results.Text($"The photos API cannot be called now ({e.Failure}).", statusCode: 503); }
}).RequireAuthorization();

// No antiforgery token: the session cookie is SameSite=Lax, so a cross-site POST arrives without it and signs nobody out.
app.MapPost("/logout", async (HttpContext http, ISignInService signIn) =>
    Results.Redirect((await signIn.SignOutAsync(http)).EndSessionUrl?.AbsoluteUri ?? "/"));

// OpenID Connect Back-Channel Logout 1.0: the server ends this app's sessions when the person signs out there (§2.8: 200 or 400).
app.MapPost("/backchannel-logout", async ([FromForm(Name = "logout_token")] string? token, IBackchannelLogoutService logout) =>
    await logout.HandleAsync(null, token) is { Succeeded: false } failed ? Results.Text(failed.Description, statusCode: 400) : Results.Ok()).DisableAntiforgery();

app.MapGet("/signed-out", (HttpContext http, ISignInService signIn) => Results.Text(signIn.ConfirmSignedOut(http)
    ? "Signed out, here and at the authorization server." : "Signed out here."));

app.Run();
