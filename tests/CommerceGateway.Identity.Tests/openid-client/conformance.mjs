// Drives the identity service with npm's openid-client, as a partner's client would: discovery (OpenID
// Connect and RFC 8414), the client-credentials grant with client_secret_basic and client_secret_post,
// introspection (RFC 7662) and revocation (RFC 7009). The access token is also verified with jose
// against the published JWKS. Prints one JSON line of results; exits non-zero on the first failure.
// Usage: ISSUER=http://127.0.0.1:5090 CLIENT_ID=... CLIENT_SECRET=... AUDIENCE=... node conformance.mjs
import * as client from 'openid-client';
import * as jose from 'jose';

const { ISSUER, CLIENT_ID, CLIENT_SECRET, AUDIENCE } = process.env;
if (!ISSUER || !CLIENT_ID || !CLIENT_SECRET || !AUDIENCE) {
  console.error('ISSUER, CLIENT_ID, CLIENT_SECRET and AUDIENCE are required.');
  process.exit(2);
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const options = { execute: [client.allowInsecureRequests] };
const basic = await client.discovery(new URL(ISSUER), CLIENT_ID, undefined, client.ClientSecretBasic(CLIENT_SECRET), options);
const post = await client.discovery(new URL(ISSUER), CLIENT_ID, undefined, client.ClientSecretPost(CLIENT_SECRET), { ...options, algorithm: 'oauth2' });
const metadata = basic.serverMetadata();
check(metadata.issuer === ISSUER, `issuer ${metadata.issuer} != ${ISSUER}`);
check(post.serverMetadata().token_endpoint === metadata.token_endpoint, 'RFC 8414 and OpenID metadata disagree');

const viaBasic = await client.clientCredentialsGrant(basic, { audience: AUDIENCE });
const viaPost = await client.clientCredentialsGrant(post, { resource: AUDIENCE });
for (const response of [viaBasic, viaPost]) {
  check(response.token_type.toLowerCase() === 'bearer', `token_type ${response.token_type}`);
  check(response.expiresIn() > 0, 'expires_in missing');
}

const jwks = jose.createRemoteJWKSet(new URL(metadata.jwks_uri));
const { payload, protectedHeader } = await jose.jwtVerify(viaBasic.access_token, jwks, {
  issuer: ISSUER,
  audience: AUDIENCE,
  typ: 'at+jwt',
  algorithms: ['ES256', 'RS256'],
});
check(payload.client_id === CLIENT_ID && payload.sub === CLIENT_ID, 'client_id/sub claims');

const active = await client.tokenIntrospection(basic, viaBasic.access_token);
check(active.active === true && active.client_id === CLIENT_ID, `introspection: ${JSON.stringify(active)}`);

await client.tokenRevocation(post, viaBasic.access_token);
const revoked = await client.tokenIntrospection(post, viaBasic.access_token);
check(revoked.active === false, 'revoked token is still active');
const other = await client.tokenIntrospection(basic, viaPost.access_token);
check(other.active === true, 'revoking one token affected another');

let refused = false;
try {
  await client.clientCredentialsGrant(
    await client.discovery(new URL(ISSUER), CLIENT_ID, undefined, client.ClientSecretBasic(`${CLIENT_SECRET}-wrong`), options));
} catch (error) {
  // A 401 with WWW-Authenticate surfaces as a challenge error; the RFC 6749 body must still say invalid_client.
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const body = await error.response.json();
    refused = error.status === 401 && error.cause.some((c) => c.scheme === 'basic') && body.error === 'invalid_client';
  } else {
    refused = error instanceof client.ResponseBodyError && error.status === 401 && error.error === 'invalid_client';
  }
}
check(refused, 'a wrong secret was not refused with 401 invalid_client');

console.log(JSON.stringify({
  issuer: metadata.issuer,
  alg: protectedHeader.alg,
  typ: protectedHeader.typ,
  scope: active.scope ?? null,
  introspectedActive: active.active,
  revokedActive: revoked.active,
  wrongSecretRefused: refused,
}));
