// Converts JSON-LD documents to N-Quads with an implementation independent of Hamlet
// (jsonld-streaming-parser, written to N-Quads by n3), for the JSON-LD writer's round trips.
//
// Usage: node jsonld_to_nquads.mjs IN.jsonld OUT.nq [IN OUT ...]
// Packages come from $SHACL_DEPS_DIR (the pinned shared/tools dependencies).
// Exit status: 0 all converted, 1 a document was rejected, 2 usage or missing packages.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error('usage: jsonld_to_nquads.mjs IN.jsonld OUT.nq [IN OUT ...]');
  process.exit(2);
}
const deps = process.env.SHACL_DEPS_DIR;
let JsonLdParser, Writer;
try {
  const require = createRequire(path.join(path.resolve(deps || '.'), 'package.json'));
  ({ JsonLdParser } = require('jsonld-streaming-parser'));
  ({ Writer } = require('n3'));
} catch (e) {
  console.error(`jsonld_to_nquads: packages not found in ${deps}: ${e.message}`);
  process.exit(2);
}

function parse(text) {
  return new Promise((resolve, reject) => {
    const quads = [];
    // strictValues: an IRI that is not absolute is an error, not a silently dropped triple.
    const p = new JsonLdParser({ strictValues: true });
    p.on('data', (q) => quads.push(q));
    p.on('error', reject);
    p.on('end', () => resolve(quads));
    p.write(text);
    p.end();
  });
}

function toNQuads(quads) {
  return new Promise((resolve, reject) => {
    const w = new Writer({ format: 'N-Quads' });
    w.addQuads(quads);
    w.end((err, out) => (err ? reject(err) : resolve(out)));
  });
}

let failed = 0;
for (let i = 0; i < args.length; i += 2) {
  try {
    const quads = await parse(fs.readFileSync(args[i], 'utf8'));
    fs.writeFileSync(args[i + 1], await toNQuads(quads));
  } catch (e) {
    console.error(`${args[i]}: ${e.message}`);
    failed = 1;
  }
}
process.exit(failed);
