// panva's oidc-provider as a second, independent authorization server for the tests: one confidential client (ours),
// PKCE S256 required, refresh token rotation, revocation (RFC 7009), RP-initiated logout, and a resource indicator
// (RFC 8707) for the photos API whose access tokens are JWTs (RFC 9068). The refresh-token policy is the library's
// DEFAULT one: a refresh token only when offline_access was granted, which OIDC Core §11 ties to prompt=consent.
// Configured from the environment (see required() below); listens on 127.0.0.1 only.
import Provider from 'oidc-provider';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`oidc-provider test server: the environment variable ${name} is required.`);
    process.exit(2);
  }
  return value;
}

const port = Number(required('OP_PORT'));
const issuer = `http://127.0.0.1:${port}`;
const photosResource = required('OP_PHOTOS_RESOURCE');
const accessTokenTtl = Number(process.env.OP_ACCESS_TOKEN_TTL || 3600);

// Like the sandbox's demo users; the dev interactions take any login name, findAccount decides who exists.
const accounts = {
  alice: { sub: 'alice', name: 'Alice Example', email: 'alice@example.com' },
  bob: { sub: 'bob', name: 'Bob Example', email: 'bob@example.com' },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: required('OP_CLIENT_ID'),
    client_secret: required('OP_CLIENT_SECRET'),
    redirect_uris: [required('OP_REDIRECT_URI')],
    post_logout_redirect_uris: [required('OP_POST_LOGOUT_REDIRECT_URI')],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
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
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      async defaultResource() { return undefined; },
      async useGrantedResource() { return true; },
      async getResourceServerInfo(_ctx, resourceIndicator) {
        if (resourceIndicator !== photosResource) {
          throw new Provider.errors.InvalidTarget();
        }
        return { scope: 'photos', audience: photosResource, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenTtl, jwt: { sign: { alg: 'RS256' } } };
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

provider.listen(port, '127.0.0.1', () => console.log(`op: listening on ${issuer}`));
