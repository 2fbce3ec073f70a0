// Reads {"sdl": "...", "documents": ["..."]} on stdin and prints, per document, whether graphql-js
// validate() accepts it against buildSchema(sdl), with the messages when it does not.
import { buildSchema, parse, validate } from 'graphql';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { sdl, documents } = JSON.parse(input);
const schema = buildSchema(sdl);
const results = documents.map((source) => {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    return { valid: false, syntax: true, errors: [error.message] };
  }
  const errors = validate(schema, document);
  return { valid: errors.length === 0, syntax: false, errors: errors.map((e) => e.message) };
});
process.stdout.write(JSON.stringify(results));
