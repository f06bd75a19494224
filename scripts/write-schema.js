// Writes schema/scenario.schema.json from the compiled zod schema (run by `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../dist/scenario/json-schema.js";

const dir = new URL("../schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("scenario.schema.json", dir), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
