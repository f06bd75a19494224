// Writes scenarios/dermatology.yaml from a fixed seed: `npm run build && node scripts/make-dermatology.js`.
// It is the dermatology preset at 900 applicants (the size of the benchmark market).
import { writeFileSync } from "node:fs";
import { presetNamed } from "../dist/generate/presets.js";
import { specialtyMarket } from "../dist/generate/specialty-market.js";
import { scenarioText } from "../dist/generate/scenario-text.js";

const SEED = 1;
// The market of the preset at 900 applicants, with the model's default call rates (the
// preset raises pre-interview calls to reproduce the article's share of shaped invitations).
const shape = { ...presetNamed("dermatology").shape, applicants: 900, model: { ranking: { preferenceNoise: 0.3 }, interviews: { slotsPerPosition: 12 } } };
const header = `A dermatology-size market: ${shape.programs} programs, ${shape.positions} positions, ${shape.applicants} applicants
applying to ${shape.applicationsPerApplicant} programs each, with program directors, faculty letter writers at every
program and at medical schools without one, and ties between directors (more often within a region).

What it shows: in a tight market where many applicants have a home program, an away
rotation or a letter writer a director knows, what calls do to the overall match rate
(little: positions fill either way) and to who matches (a lot). It is also the benchmark
scenario of \`npm run bench\`.

Made by scripts/make-dermatology.js (the market of the dermatology preset of
\`match-sim generate\`, with 900 applicants and the model's default call rates) with
seed ${SEED}; edit the script, not this file.`;
writeFileSync(new URL("../scenarios/dermatology.yaml", import.meta.url), scenarioText(specialtyMarket(shape, SEED), "yaml", header));
