// Fetches the full introspection result from an endpoint, rebuilds it with graphql-js
// buildClientSchema and prints it with printSchema.
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const url = process.argv[2];
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const body = await response.json();
if (body.errors) {
  process.stderr.write(JSON.stringify(body.errors));
  process.exit(1);
}
process.stdout.write(printSchema(buildClientSchema(body.data)));
