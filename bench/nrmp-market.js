// Generates an NRMP-size market as a scenario file, deterministically from a seed:
// applicants rank about 12 programs chosen with a pull towards prestige, and each
// program ranks the applicants who ranked it, by their strength plus noise.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";

export function nrmpMarket({ seed = 1, applicants = 44_000, programs = 6_400, positions = 41_000, listLength = 12 } = {}) {
  const rng = seedrandom.alea(`nrmp-market/${seed}`);
  const prestige = Array.from({ length: programs }, () => rng());
  // Positions spread around the mean, summing to the target.
  const weights = prestige.map(() => 0.5 + rng());
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const capacity = weights.map((w) => Math.max(1, Math.round((w / totalWeight) * positions)));
  // Sampling by prestige: a cumulative table of (prestige + 0.2)^2.
  const cumulative = new Float64Array(programs);
  let acc = 0;
  for (let p = 0; p < programs; p++) cumulative[p] = acc += (prestige[p] + 0.2) ** 2;
  const pick = () => {
    const x = rng() * acc;
    let lo = 0;
    let hi = programs - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const paper = Array.from({ length: applicants }, () => rng());
  const lists = [];
  const rankedBy = Array.from({ length: programs }, () => []);
  for (let a = 0; a < applicants; a++) {
    const n = Math.max(1, Math.round(listLength + (rng() - 0.5) * 8));
    const chosen = new Set();
    while (chosen.size < n) chosen.add(pick());
    const list = [...chosen].sort((x, y) => prestige[y] + rng() * 0.3 - (prestige[x] + rng() * 0.3));
    lists.push(list);
    for (const p of list) rankedBy[p].push(a);
  }
  const programList = prestige.map((pr, p) => {
    const scored = rankedBy[p].map((a) => [a, paper[a] + rng() * 0.4]);
    scored.sort((x, y) => y[1] - x[1]);
    return {
      id: `P${p}`,
      positions: capacity[p],
      prestige: Math.round(pr * 1000) / 1000,
      rankList: scored.map(([a]) => `A${a}`),
    };
  });
  const applicantList = lists.map((list, a) => ({
    id: `A${a}`,
    paper: Math.round(paper[a] * 1000) / 1000,
    rankList: list.map((p) => `P${p}`),
  }));
  return { name: "NRMP-size synthetic market", seed, programs: programList, applicants: applicantList };
}

/**
 * The market's scenario file in bench/out/, written on first use (it takes seconds) and
 * read from there after. generateMs is 0 when the file was already there.
 */
export function nrmpMarketFile({ seed = 1 } = {}) {
  const out = fileURLToPath(new URL("out", import.meta.url));
  const file = `${out}/nrmp-size-seed${seed}.json`;
  if (existsSync(file)) return { file, generateMs: 0 };
  const t = performance.now();
  mkdirSync(out, { recursive: true });
  writeFileSync(file, JSON.stringify(nrmpMarket({ seed })));
  return { file, generateMs: performance.now() - t };
}
