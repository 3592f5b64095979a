// Writes public/schema/spof-topology-<current version>.json from the zod schema (`npm run schema`).
// The files of earlier versions are kept as they were published.
// test/model/jsonSchema.test.ts fails when the published file drifts from the schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CURRENT_VERSION, topologyJsonSchema } from '../src/model/schema';

export const SCHEMA_PATH = fileURLToPath(new URL(`../public/schema/spof-topology-${CURRENT_VERSION}.json`, import.meta.url));

writeFileSync(SCHEMA_PATH, `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_PATH}`);
