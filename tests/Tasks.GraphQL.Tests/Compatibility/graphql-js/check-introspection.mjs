// Reads an introspection result (JSON) on stdin, builds a client schema from it with graphql-js,
// and prints the schema as SDL; exits non-zero with graphql-js's own error if it refuses it.
import { buildClientSchema, printSchema } from 'graphql';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = JSON.parse(input);
if (result.errors) {
  console.error(JSON.stringify(result.errors));
  process.exit(2);
}
process.stdout.write(printSchema(buildClientSchema(result.data)));
