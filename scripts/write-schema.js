// Writes schema/scenario.schema.json and schema/results.schema.json from the compiled zod
// schemas (run by `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../dist/scenario/json-schema.js";
import { resultsJsonSchema } from "../dist/results/results-schema.js";

const dir = new URL("../schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("scenario.schema.json", dir), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync(new URL("results.schema.json", dir), `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
