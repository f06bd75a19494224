import { performance } from "node:perf_hooks";
import type { Io } from "./io.js";

/** Wall time per phase for --timings, printed to stderr so it never mixes with results. */
export function phaseTimer(enabled: boolean): { mark: (phase: string) => void; report: (io: Io) => void } {
  const start = performance.now();
  let last = start;
  const phases: [string, number][] = [];
  return {
    mark(phase) {
      const now = performance.now();
      phases.push([phase, now - last]);
      last = now;
    },
    report(io) {
      if (!enabled) return;
      const parts = phases.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
      const rssMb = process.resourceUsage().maxRSS / 1024;
      io.stderr.write(
        `timings: ${parts.join(", ")}, total ${(last - start).toFixed(1)} ms, ` +
          `since process start ${performance.now().toFixed(1)} ms, peak RSS ${rssMb.toFixed(1)} MB\n`,
      );
    },
  };
}
