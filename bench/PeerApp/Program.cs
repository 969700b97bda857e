using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

// The peer: what a developer gets from the documentation's AddOpenIdConnect sample, doing the same job as
// OAuthWebClient — start sign-in at /account/login, finish it at the callback, call the photos API with the token.
// Settings (command line or environment): Peer:Authority, Peer:ClientId, Peer:ClientSecret, Peer:PhotosApi, Urls.
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Peer");

builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie()
    .AddOpenIdConnect(options =>
    {
        options.Authority = settings["Authority"];
        options.ClientId = settings["ClientId"];
        options.ClientSecret = settings["ClientSecret"];
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The same response mode as OAuthWebClient (a GET to the callback), so the driver sends the same requests.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.SaveTokens = true;
        // The sandbox and the benchmark doubles run on http loopback.
        options.RequireHttpsMetadata = false;
        options.Scope.Add("offline_access");
        options.Scope.Add("photos");
    });
builder.Services.AddAuthorization();
builder.Services.AddHttpClient("photos", client => client.BaseAddress = new Uri(settings["PhotosApi"] ?? "http://127.0.0.1:5002/"));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => "peer");
app.MapGet("/account/login", (string? returnUrl) => Results.Challenge(
    new AuthenticationProperties { RedirectUri = returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/" },
    [OpenIdConnectDefaults.AuthenticationScheme]));

// The photos API called with the access token saved in the cookie, relayed as is: /photos the list, /photos/{id}/thumbnail an image.
app.MapGet("/photos/{**path}", async (string? path, HttpContext context, IHttpClientFactory clients, CancellationToken cancellationToken) =>
{
    var token = await context.GetTokenAsync("access_token");
    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(string.IsNullOrEmpty(path) ? "photos" : "photos/" + path, UriKind.Relative));
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await clients.CreateClient("photos").SendAsync(request, cancellationToken);
    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
    context.Response.StatusCode = (int)response.StatusCode;
    context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
    await context.Response.Body.WriteAsync(body, cancellationToken);
}).RequireAuthorization();

app.Run();
