// Compares the schema a server serves (its introspection result) with an SDL file, using graphql-js, the reference
// implementation. Input on stdin: {"graphqlModule": "<path to graphql's index.mjs>", "introspection": {...}, "sdl": "..."}.
// Exit 0 when both print the same once sorted; otherwise exit 1 and print the first differing lines.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const input = JSON.parse(readFileSync(0, 'utf8'));
const graphql = await import(pathToFileURL(input.graphqlModule).href);
const print = (schema) => graphql.printSchema(graphql.lexicographicSortSchema(schema)).split('\n');
const served = print(graphql.buildClientSchema(input.introspection));
const contract = print(graphql.buildSchema(input.sdl));
const differences = [];
for (let i = 0; i < Math.max(served.length, contract.length); i++) {
  if (served[i] !== contract[i]) {
    differences.push(`line ${i + 1}: served ${JSON.stringify(served[i])} / contract ${JSON.stringify(contract[i])}`);
    if (differences.length >= 10) break;
  }
}
if (differences.length > 0) {
  console.log(differences.join('\n'));
  process.exit(1);
}
console.log(`identical: ${served.length} lines`);
