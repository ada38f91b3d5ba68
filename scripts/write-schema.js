// Writes schemas/report-data.schema.json from the template data (npm run schema). A test checks
// that the committed file is what this would write.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchema } from '../dist/draft/data.js';

const out = join(import.meta.dirname, '..', 'schemas', 'report-data.schema.json');
writeFileSync(out, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
console.log(out);
