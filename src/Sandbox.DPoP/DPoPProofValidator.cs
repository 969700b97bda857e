using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.DPoP;

/// <summary>
/// Checks a DPoP proof JWT (RFC 9449 §4.3) against the request it came with, and returns the thumbprint of its key.
/// Parsing and signature checks are IdentityModel's; this class adds the DPoP rules.
/// </summary>
public sealed class DPoPProofValidator(
    DPoPOptions options, JtiReplayCache replays, DPoPNonces nonces, TimeProvider clock, ILogger<DPoPProofValidator> logger)
{
    // A proof is a small JWS with one public key; anything much larger is not a proof.
    private const int MaxProofLength = 8 * 1024;
    private const int MaxJtiLength = 256;
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<DPoPProofResult> ValidateAsync(DPoPProofRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CheckAsync(request);
        if (!result.IsValid)
        {
            Log.ProofRejected(logger, request.Method, request.Url.AbsolutePath, result.Error!, result.Description!);
        }

        return result;
    }

    private async Task<DPoPProofResult> CheckAsync(DPoPProofRequest request)
    {
        // §4.3 step 1: exactly one DPoP header; step 2: a well-formed JWT.
        if (request.Proof.Count != 1 || request.Proof[0] is not { Length: > 0 and <= MaxProofLength } proof || !Handler.CanReadToken(proof))
        {
            return DPoPProofResult.Invalid("Exactly one DPoP header holding a JWT is required (RFC 9449 §4.3).");
        }

        if (Read(proof) is not { } token)
        {
            return DPoPProofResult.Invalid("The DPoP proof is not a well-formed JWT.");
        }

        // Steps 4-6: typ dpop+jwt, an asymmetric alg, a public jwk.
        if (!string.Equals(token.Typ, DPoPConstants.ProofType, StringComparison.Ordinal))
        {
            return DPoPProofResult.Invalid("The DPoP proof's typ header must be dpop+jwt.");
        }

        if (!DPoPAlgorithms.IsSupported(token.Alg))
        {
            return DPoPProofResult.Invalid($"The DPoP proof's alg must be one of {DPoPAlgorithms.SpaceSeparated}.");
        }

        if (PublicKey(token) is not { } key)
        {
            return DPoPProofResult.Invalid("The DPoP proof's jwk header must be a public RSA or EC key.");
        }

        // Step 7: the signature verifies with that jwk.
        if (!(await Handler.ValidateTokenAsync(proof, SignatureOnly(key))).IsValid)
        {
            return DPoPProofResult.Invalid("The DPoP proof's signature does not verify with its jwk.");
        }

        if (CheckClaims(token, request) is { } refused)
        {
            return refused;
        }

        var nonceIsStale = false;
        if (options.RequireNonce)
        {
            // §8 / §9: the nonce this server issued; a proof without it is answered with use_dpop_nonce.
            token.TryGetPayloadValue<string>("nonce", out var nonce);
            var check = nonces.Check(nonce);
            if (check == NonceCheck.Unknown)
            {
                return DPoPProofResult.NonceRequired(string.IsNullOrEmpty(nonce)
                    ? "The DPoP proof must carry the server's nonce (DPoP-Nonce header)."
                    : "The DPoP proof's nonce is not current: use the one in the DPoP-Nonce header.");
            }

            nonceIsStale = check == NonceCheck.Previous;
        }

        // §11.1: each proof once. Checked last, so a proof refused for another reason does not use up its jti.
        var jti = token.GetPayloadValue<string>("jti");
        if (!replays.TryUse(jti, clock.GetUtcNow() + (2 * options.ProofLifetime)))
        {
            return DPoPProofResult.Invalid("The DPoP proof's jti has already been used.");
        }

        return DPoPProofResult.Valid(Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()), nonceIsStale);
    }

    // Steps 8-12: jti, htm, htu, iat, ath.
    private DPoPProofResult? CheckClaims(JsonWebToken token, DPoPProofRequest request)
    {
        if (!token.TryGetPayloadValue<string>("jti", out var jti) || jti is not { Length: > 0 and <= MaxJtiLength })
        {
            return DPoPProofResult.Invalid("The DPoP proof must have a jti claim (a string of at most 256 characters).");
        }

        if (!token.TryGetPayloadValue<string>("htm", out var htm) || !string.Equals(htm, request.Method, StringComparison.Ordinal))
        {
            return DPoPProofResult.Invalid($"The DPoP proof's htm claim must be {request.Method}.");
        }

        if (!token.TryGetPayloadValue<string>("htu", out var htu) || !DPoPUrls.SameTarget(htu, request.Url))
        {
            return DPoPProofResult.Invalid($"The DPoP proof's htu claim must be {DPoPUrls.WithoutQuery(request.Url)}.");
        }

        if (!token.TryGetPayloadValue<long>("iat", out var iat)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(iat)).Duration() > options.ProofLifetime)
        {
            return DPoPProofResult.Invalid($"The DPoP proof's iat claim must be within {options.ProofLifetime.TotalSeconds:0} seconds of the server's time.");
        }

        if (request.AccessToken is { } accessToken)
        {
            // §4.2: ath = base64url(SHA-256(ASCII(access token))).
            var expected = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));
            if (!token.TryGetPayloadValue<string>("ath", out var ath)
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ath ?? ""), Encoding.ASCII.GetBytes(expected)))
            {
                return DPoPProofResult.Invalid("The DPoP proof's ath claim must be the hash of the access token presented with it.");
            }
        }

        return null;
    }

    private static JsonWebToken? Read(string proof)
    {
        try
        {
            return Handler.ReadJsonWebToken(proof);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static JsonWebKey? PublicKey(JsonWebToken token)
    {
        if (!token.TryGetHeaderValue<JsonElement>("jwk", out var jwk) || jwk.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var key = new JsonWebKey(jwk.GetRawText());
            return PublicKeys.IsPublicAsymmetric(key) ? key : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // The claims are DPoP's, not a security token's: no issuer, audience or expiry; only the signature and alg.
    private static TokenValidationParameters SignatureOnly(JsonWebKey key) => new()
    {
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = DPoPAlgorithms.Supported,
        ValidTypes = [DPoPConstants.ProofType],
        RequireSignedTokens = true,
        RequireExpirationTime = false,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        ValidateIssuerSigningKey = false,
    };
}
