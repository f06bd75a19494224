import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { loadScenario, simulate } from "../../../src/index.js";
import { meanInterval, pairedProportions } from "../../../src/results/paired.js";

// The intervals are tested by simulation: drawn many times from a process whose true value
// is known, a 95% interval must hold it about 95 times in 100 — neither far less (too
// narrow) nor nearly always (too wide to be useful). With 2,000 repetitions the share has a
// standard error of 0.5 points, so it must land between 93.5% and 96.5% (three of them).

const REPS = 2000;
const inRange = (hits: number): void => {
  expect(hits / REPS).toBeGreaterThan(0.935);
  expect(hits / REPS).toBeLessThan(0.965);
};

describe("the coverage of the intervals", () => {
  it("Newcombe's interval for a paired difference of proportions covers the true difference", () => {
    const rng = seedrandom.alea("paired-proportions");
    // Seasons where X and Y happen with P(both) = a, P(X only) = b, P(Y only) = c: true difference b − c.
    for (const [a, b, c, n] of [[0.5, 0.12, 0.05, 200], [0.3, 0.02, 0.06, 400], [0.05, 0.1, 0.1, 150]] as const) {
      let hits = 0;
      for (let rep = 0; rep < REPS; rep++) {
        let n11 = 0, n10 = 0, n01 = 0;
        for (let t = 0; t < n; t++) {
          const u = rng();
          if (u < a) n11++;
          else if (u < a + b) n10++;
          else if (u < a + b + c) n01++;
        }
        const d = pairedProportions(n11, n10, n01, n - n11 - n10 - n01);
        if (d.interval !== null && d.interval[0] <= b - c + 1e-12 && b - c - 1e-12 <= d.interval[1]) hits++;
      }
      inRange(hits);
    }
  });

  it("the t interval of a per-season difference covers its true mean, even for skewed counts", () => {
    const rng = seedrandom.alea("paired-means");
    // A per-season count difference: many seasons with a few changes, a few with many.
    const draw = () => {
      let d = 0;
      for (let k = 0; k < 6; k++) d += rng() < 0.15 ? (rng() < 0.7 ? 1 : -2) : 0;
      return d;
    };
    const trueMean = 6 * 0.15 * (0.7 * 1 + 0.3 * -2);
    let hits = 0;
    for (let rep = 0; rep < REPS; rep++) {
      let sum = 0, sq = 0;
      const n = 120;
      for (let t = 0; t < n; t++) {
        const d = draw();
        sum += d;
        sq += d * d;
      }
      const m = meanInterval(n, sum, sq)!;
      if (m.interval !== null && m.interval[0] <= trueMean && trueMean <= m.interval[1]) hits++;
    }
    inRange(hits);
  });

  it("the intervals a run reports agree with the spread of runs on independent seeds", async () => {
    // Twenty-four runs on seeds 1 … 24: the standard deviation of their estimates should match
    // the standard error each run reports (its interval's half-width / 1.96), within sampling
    // error (the sd of 24 draws is within about ±30% of the truth, chi-square with 23 degrees
    // of freedom at 95%).
    const s = await loadScenario("scenarios/classroom.yaml");
    const runs = await Promise.all(Array.from({ length: 24 }, (_, i) => simulate(s, { runs: 100, seed: i + 1, workers: 1 })));
    const check = (name: string, pick: (r: (typeof runs)[number]) => { estimate: number; interval: [number, number] | null }) => {
      const xs = runs.map(pick);
      const mean = xs.reduce((t, x) => t + x.estimate, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((t, x) => t + (x.estimate - mean) ** 2, 0) / (xs.length - 1));
      const reported = xs.reduce((t, x) => t + (x.interval![1] - x.interval![0]) / (2 * 1.96), 0) / xs.length;
      expect(sd / reported, name).toBeGreaterThan(0.65);
      expect(sd / reported, name).toBeLessThan(1.35);
    };
    const ava = (r: (typeof runs)[number]) => r.applicants.find((a) => a.id === "Ava")!;
    check("Ava's change in P(match)", (r) => ({ estimate: ava(r).delta, interval: ava(r).deltaCi }));
    check("the change in first-choice rate", (r) => r.summary.firstChoiceRate.difference);
    check("outcomes changed", (r) => r.summary.outcomeChanged);
    check("the change in the quality–prestige correlation", (r) => r.summary.efficiency.qualityPrestigeCorrelation.difference!);
  });
});
