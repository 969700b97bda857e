// panva's oidc-provider as a second, independent authorization server for the tests: one confidential client (ours),
// PKCE S256 required, refresh token rotation, revocation (RFC 7009), RP-initiated logout, and a resource indicator
// (RFC 8707) for the photos API whose access tokens are JWTs (RFC 9068). The refresh-token policy is the library's
// DEFAULT one: a refresh token only when offline_access was granted, which OIDC Core §11 ties to prompt=consent.
// Always on: pushed authorization requests (RFC 9126, /request) and DPoP (RFC 9449; a proof at /token binds the access
// token, cnf.jkt). Back-channel logout is on too, used once the client has a backchannel_logout_uri.
// Configured from the environment (see required() and the OP_* switches below); listens on 127.0.0.1 only.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`oidc-provider test server: the environment variable ${name} is required.`);
    process.exit(2);
  }
  return value;
}

const on = (name) => process.env[name] === '1';

const port = Number(required('OP_PORT'));
const issuer = `http://127.0.0.1:${port}`;
const photosResource = required('OP_PHOTOS_RESOURCE');
const accessTokenTtl = Number(process.env.OP_ACCESS_TOKEN_TTL || 3600);
// FAPI 2.0 Security Profile: PAR required, sender-constrained (DPoP) tokens, private_key_jwt, PS256 signatures.
const fapi = on('OP_FAPI');
const requirePar = fapi || on('OP_REQUIRE_PAR');
const requireDPoP = fapi || on('OP_DPOP_REQUIRED');
// RFC 7523 §2.2 private_key_jwt: the client's public keys (a JWK Set); the secret is then not registered at all.
const clientJwks = process.env.OP_CLIENT_JWKS ? JSON.parse(process.env.OP_CLIENT_JWKS) : undefined;
const backchannelLogoutUri = process.env.OP_BACKCHANNEL_LOGOUT_URI;
if (fapi && !clientJwks) {
  console.error('oidc-provider test server: OP_FAPI=1 needs OP_CLIENT_JWKS (FAPI 2.0 allows private_key_jwt or mTLS only).');
  process.exit(2);
}

// Like the sandbox's demo users; the dev interactions take any login name, findAccount decides who exists.
const accounts = {
  alice: { sub: 'alice', name: 'Alice Example', email: 'alice@example.com' },
  bob: { sub: 'bob', name: 'Bob Example', email: 'bob@example.com' },
};

const client = {
  client_id: required('OP_CLIENT_ID'),
  redirect_uris: [required('OP_REDIRECT_URI')],
  post_logout_redirect_uris: [required('OP_POST_LOGOUT_REDIRECT_URI')],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  ...(clientJwks
    ? { jwks: clientJwks, token_endpoint_auth_method: 'private_key_jwt' }
    : { client_secret: required('OP_CLIENT_SECRET'), token_endpoint_auth_method: 'client_secret_basic' }),
  ...(requirePar && { require_pushed_authorization_requests: true }),
  // RFC 9449 §5.2: access tokens only with a DPoP proof.
  ...(requireDPoP && { dpop_bound_access_tokens: true }),
  ...(fapi && { id_token_signed_response_alg: 'PS256' }),
  // OIDC Back-Channel Logout 1.0 §2.2: logout tokens are POSTed here; session_required puts sid in ID tokens.
  ...(backchannelLogoutUri && { backchannel_logout_uri: backchannelLogoutUri, backchannel_logout_session_required: true }),
};

// Signing keys made at each start: RSA (RS256 by default, PS256 under FAPI) and P-256 (ES256), RFC 7518 §3.
const signingKey = (type, options) => ({ ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }), use: 'sig' });
const jwks = { keys: [signingKey('rsa', { modulusLength: 2048 }), signingKey('ec', { namedCurve: 'P-256' })] };

const provider = new Provider(issuer, {
  clients: [client],
  jwks,
  // oidc-provider 9.x refuses outgoing requests (back-channel logout tokens, jwks_uri) to special-use addresses, loopback
  // included, with an SSRF-guarding dispatcher. Every client of this test server is on loopback, so for loopback targets
  // only the guard is left out; any other target keeps it.
  fetch(url, { dispatcher, ...options }) {
    const { hostname } = new URL(url);
    const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
    return globalThis.fetch(url, loopback ? options : { ...options, dispatcher });
  },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    return account && { accountId: id, async claims() { return { ...account }; } };
  },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  scopes: ['openid', 'offline_access', 'profile', 'email', 'photos'],
  pkce: { required: () => true },
  // Confidential clients are rotated only past 70% of the lifetime by default; the tests want every refresh rotated.
  rotateRefreshToken: true,
  ttl: { AccessToken: accessTokenTtl },
  cookies: { keys: ['oidc-provider-test-cookie-key'] },
  enabledJWA: {
    // FAPI 2.0 §5.4: PS256, ES256 or EdDSA (RS256 stays for the default, non-FAPI client).
    clientAuthSigningAlgValues: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    dPoPSigningAlgValues: ['ES256', 'PS256', 'EdDSA'],
  },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: requirePar },
    // RFC 9449 §8: OP_DPOP_NONCE=1 makes every proof carry a server nonce (use_dpop_nonce + DPoP-Nonce first).
    dPoP: on('OP_DPOP_NONCE')
      ? { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true }
      : { enabled: true },
    backchannelLogout: { enabled: true },
    ...(fapi && { fapi: { enabled: true, profile: '2.0' } }),
    resourceIndicators: {
      enabled: true,
      async defaultResource() { return undefined; },
      async useGrantedResource() { return true; },
      async getResourceServerInfo(_ctx, resourceIndicator) {
        if (resourceIndicator !== photosResource) {
          throw new Provider.errors.InvalidTarget();
        }
        // A proof at the token endpoint binds these JWTs to its key (cnf.jkt, RFC 9449 §6.1), whatever this says.
        return {
          scope: 'photos',
          audience: photosResource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: accessTokenTtl,
          jwt: { sign: { alg: fapi ? 'PS256' : 'RS256' } },
        };
      },
    },
  },
});

// One line per back-channel call, for the tests to read (never a token: only the method, path and status).
provider.use(async (ctx, next) => {
  await next();
  if (ctx.method === 'POST') {
    console.log(`op: ${ctx.method} ${ctx.path} ${ctx.status}`);
  }
});
provider.on('server_error', (_ctx, error) => console.error('op: server_error', error));
provider.on('grant.error', (_ctx, error) => console.log(`op: grant.error ${error.error ?? error.name}`));
provider.on('backchannel.error', (_ctx, error) => console.log(`op: backchannel.error ${error.error ?? error.name}`));

provider.listen(port, '127.0.0.1', () => console.log(`op: listening on ${issuer}`));
