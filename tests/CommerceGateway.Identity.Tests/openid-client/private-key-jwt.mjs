// Drives the identity service with npm's openid-client as a partner that holds a private key instead of a
// shared secret: private_key_jwt (RFC 7523) at the token and introspection endpoints, the access token
// verified with jose against the published JWKS, and a captured assertion sent a second time, which
// must be refused. Prints one JSON line of results; exits non-zero on the first failure.
// Usage: ISSUER=... CLIENT_ID=... PRIVATE_KEY_PEM=... KID=... ALG=ES256 AUDIENCE=... node private-key-jwt.mjs
import * as client from 'openid-client';
import * as jose from 'jose';

const { ISSUER, CLIENT_ID, PRIVATE_KEY_PEM, KID, ALG, AUDIENCE } = process.env;
if (!ISSUER || !CLIENT_ID || !PRIVATE_KEY_PEM || !KID || !ALG || !AUDIENCE) {
  console.error('ISSUER, CLIENT_ID, PRIVATE_KEY_PEM, KID, ALG and AUDIENCE are required.');
  process.exit(2);
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// Keeps the bodies sent to the token endpoint, so one assertion can be replayed by hand.
const tokenBodies = [];
const options = {
  execute: [client.allowInsecureRequests],
  [client.customFetch]: (url, init) => {
    if (url.endsWith('/oauth/token') && init.body) {
      tokenBodies.push(init.body.toString());
    }
    return fetch(url, init);
  },
};

const key = await jose.importPKCS8(PRIVATE_KEY_PEM, ALG);
const config = await client.discovery(new URL(ISSUER), CLIENT_ID, undefined, client.PrivateKeyJwt({ key, kid: KID }), options);
const metadata = config.serverMetadata();
check(metadata.token_endpoint_auth_methods_supported.includes('private_key_jwt'), 'private_key_jwt is not advertised');
check(metadata.token_endpoint_auth_signing_alg_values_supported.includes(ALG), `${ALG} is not advertised`);

const response = await client.clientCredentialsGrant(config, { audience: AUDIENCE });
check(response.token_type.toLowerCase() === 'bearer', `token_type ${response.token_type}`);
const jwks = jose.createRemoteJWKSet(new URL(metadata.jwks_uri));
const { payload } = await jose.jwtVerify(response.access_token, jwks, { issuer: ISSUER, audience: AUDIENCE, typ: 'at+jwt' });
check(payload.client_id === CLIENT_ID, 'client_id claim');

const introspection = await client.tokenIntrospection(config, response.access_token);
check(introspection.active === true && introspection.client_id === CLIENT_ID, `introspection: ${JSON.stringify(introspection)}`);

check(tokenBodies.length === 1, `expected one captured token request, got ${tokenBodies.length}`);
const replay = await fetch(metadata.token_endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: tokenBodies[0],
});
const replayBody = await replay.json();

console.log(JSON.stringify({
  clientId: payload.client_id,
  scope: payload.scope ?? null,
  introspectedActive: introspection.active,
  replayStatus: replay.status,
  replayError: replayBody.error ?? null,
}));
