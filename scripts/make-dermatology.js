// Writes scenarios/dermatology.yaml from a fixed seed: `npm run build && node scripts/make-dermatology.js`.
import { writeFileSync } from "node:fs";
import { Document } from "yaml";
import { DERMATOLOGY, specialtyMarket } from "../dist/generate/specialty-market.js";

const SEED = 1;
const scenario = specialtyMarket(DERMATOLOGY, SEED);
const doc = new Document(scenario);
// One line per program, applicant, referrer and tie, so the file stays readable.
for (const key of ["programs", "applicants", "referrers", "relationships"]) {
  for (const item of doc.get(key).items) item.flow = true;
}
const header = `# A dermatology-size market: ${DERMATOLOGY.programs} programs, ${DERMATOLOGY.positions} positions,
# ${DERMATOLOGY.applicants} applicants applying to ${DERMATOLOGY.applicationsPerApplicant} programs each, with program
# directors, two faculty letter writers per program, and ties between directors (more
# often within a region) and from letter writers to directors elsewhere.
#
# What it shows: in a tight market where most applicants have a home program, an away
# rotation or a letter writer a director knows, what calls do to the overall match rate
# (little: positions fill either way) and to who matches (a lot). It is also the
# benchmark scenario of \`npm run bench\`.
#
# Made by scripts/make-dermatology.js with seed ${SEED}; edit the script, not this file.
`;
writeFileSync(new URL("../scenarios/dermatology.yaml", import.meta.url), header + doc.toString({ lineWidth: 0 }));
