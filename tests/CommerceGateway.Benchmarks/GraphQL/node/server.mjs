// The Node reference of `graphql` benchmark: graphql-http's handler on node:http, running graphql-js
// on the SDL and data the benchmark writes. Usage: node server.mjs SDL_FILE DATA_FILE MAX_SECONDS
// Prints "listening PORT" once it accepts connections on 127.0.0.1 (port chosen by the OS).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const [sdlFile, dataFile, maxSeconds] = process.argv.slice(2);
const schema = buildSchema(readFileSync(sdlFile, 'utf8'));
const cart = JSON.parse(readFileSync(dataFile, 'utf8'));

// graphql-js calls a function-valued property with the field's arguments, which is how the two
// fields with arguments get the same behaviour as the C# resolvers.
const lines = cart.lines;
cart.lines = ({ first }) => (first == null ? lines : lines.slice(0, first));
const rootValue = { cart: ({ id }) => (id === cart.id ? cart : null) };

const handler = createHandler({ schema, rootValue });
const server = http.createServer((req, res) => {
  if (req.url === '/graphql' || req.url.startsWith('/graphql?')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});

// Stops by itself: when the benchmark closes our stdin (or dies) and after MAX_SECONDS at most.
const stop = () => { server.close(); process.exit(0); };
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setTimeout(stop, Number(maxSeconds) * 1000).unref();

server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
