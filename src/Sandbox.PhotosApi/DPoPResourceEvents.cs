using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;
using Sandbox.DPoP;

namespace Sandbox.PhotosApi;

/// <summary>
/// The photos API as a DPoP protected resource (RFC 9449 §7): <c>Authorization: DPoP</c> tokens with a proof signed by
/// the key of their <c>cnf.jkt</c>, DPoP challenges, optional nonces (§9). Tokens without <c>cnf</c> stay plain Bearer.
/// </summary>
internal static class DPoPResourceEvents
{
    private const string SchemeItem = "Sandbox.PhotosApi.DPoP.Scheme";
    private const string RefusalItem = "Sandbox.PhotosApi.DPoP.Refusal";

    /// <summary>Reads the token of <c>Authorization: DPoP &lt;token&gt;</c>, which the bearer handler would ignore.</summary>
    public static Task MessageReceived(MessageReceivedContext context)
    {
        if (DPoPHttp.DPoPAccessToken(context.Request) is { } token)
        {
            context.Token = token;
            context.HttpContext.Items[SchemeItem] = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>After the token itself is valid: a bound token needs the DPoP scheme and a matching proof, and vice versa.</summary>
    public static async Task TokenValidated(TokenValidatedContext context)
    {
        var bound = BoundThumbprint(context.SecurityToken as JsonWebToken);
        var token = context.HttpContext.Items[SchemeItem] as string;
        if (bound is null && token is null)
        {
            return; // a Bearer token, as without DPoP
        }

        if (token is null)
        {
            // A bound token sent as Bearer has lost its proof of possession (§7.1).
            Refuse(context, "invalid_token", "The access token is DPoP-bound: present it with the DPoP scheme and a DPoP proof.");
            return;
        }

        if (bound is null)
        {
            Refuse(context, "invalid_token", "The DPoP scheme is for DPoP-bound access tokens; this one is a Bearer token.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var result = await services.GetRequiredService<DPoPProofValidator>()
            .ValidateAsync(DPoPHttp.ProofRequest(context.Request, DPoPHttp.RequestUrl(context.Request), token));
        if (!result.IsValid)
        {
            Refuse(context, result.Error!, result.Description!);
        }
        else if (!string.Equals(result.Thumbprint, bound, StringComparison.Ordinal))
        {
            Refuse(context, DPoPConstants.InvalidDPoPProof, "The DPoP proof is signed with another key than the one the access token is bound to.");
        }
        else if (result.NonceIsStale)
        {
            // §9: the client's nonce is still accepted but no longer current; hand it the new one.
            context.Response.Headers[DPoPConstants.NonceHeader] = services.GetRequiredService<DPoPNonces>().Current;
        }
    }

    /// <summary>A DPoP challenge (§7.1) when DPoP was involved; and <c>DPoP algs=…</c> beside <c>Bearer</c> when no token was sent.</summary>
    public static Task Challenge(JwtBearerChallengeContext context)
    {
        var refusal = context.HttpContext.Items[RefusalItem] as (string Error, string Description)?;
        if (refusal is null && context.HttpContext.Items[SchemeItem] is null)
        {
            if (context.AuthenticateFailure is null && string.IsNullOrEmpty(context.Request.Headers.Authorization))
            {
                // §7.1: the API accepts both schemes; the default handler adds the Bearer challenge after this one.
                context.Response.Headers.Append(HeaderNames.WWWAuthenticate, DPoPChallenge.Format());
            }

            return Task.CompletedTask;
        }

        // A DPoP token refused by the bearer checks themselves (expired, wrong audience, ...) is invalid_token too.
        var (error, description) = refusal ?? ("invalid_token", context.ErrorDescription ?? "The access token is invalid.");
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = DPoPChallenge.Format(error, description);
        if (error == DPoPConstants.UseDPoPNonce)
        {
            context.Response.Headers[DPoPConstants.NonceHeader] = context.HttpContext.RequestServices.GetRequiredService<DPoPNonces>().Current;
        }

        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string error, string description)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DPoPResourceEvents)).TokenRejected(error);
        context.HttpContext.Items[RefusalItem] = (error, description);
        context.Fail(description);
    }

    // RFC 9449 §6.1: cnf is a JSON object whose jkt member is the key's thumbprint.
    private static string? BoundThumbprint(JsonWebToken? token) =>
        token is not null
        && token.TryGetPayloadValue<JsonElement>(DPoPConstants.ConfirmationClaim, out var cnf)
        && cnf.ValueKind == JsonValueKind.Object
        && cnf.TryGetProperty(DPoPConstants.ThumbprintMember, out var jkt)
        && jkt.ValueKind == JsonValueKind.String
            ? jkt.GetString()
            : null;
}
