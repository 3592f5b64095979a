// Writes public/schema/spof-topology-1.json from the zod schema (`npm run schema`).
// test/model/jsonSchema.test.ts fails when the published file drifts from the schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topologyJsonSchema } from '../src/model/schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../public/schema/spof-topology-1.json', import.meta.url));

writeFileSync(SCHEMA_PATH, `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_PATH}`);
