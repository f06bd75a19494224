// The floor the `match` command is measured against: read and JSON.parse the file, turn
// ids into integer rank lists, run the typed-array deferred acceptance. No validation,
// no checks, no output. Prints its own wall time since process start.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { applicantProposing } from "../dist/match/deferred-acceptance.js";

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const programIndex = new Map(data.programs.map((p, i) => [p.id, i]));
const applicantIndex = new Map(data.applicants.map((a, i) => [a.id, i]));
function csr(rows, table) {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  const items = new Int32Array(offsets[rows.length]);
  let k = 0;
  for (const row of rows) for (const id of row) items[k++] = table.get(id);
  return { offsets, items };
}
const market = {
  applicants: data.applicants.length,
  programs: data.programs.length,
  capacity: Int32Array.from(data.programs, (p) => p.positions),
  applicantLists: csr(data.applicants.map((a) => a.rankList), programIndex),
  programLists: csr(data.programs.map((p) => p.rankList), applicantIndex),
};
const programOf = applicantProposing(market);
let matched = 0;
for (const p of programOf) if (p >= 0) matched++;
process.stdout.write(JSON.stringify({ ms: performance.now(), matched }) + "\n");
