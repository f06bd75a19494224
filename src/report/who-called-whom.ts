import type { TraceModel } from "../results/trace-results.js";

const WHEN: Record<string, string> = { preInterview: "before invitations", rankList: "on a rank list", advocacy: "as an advocate", late: "late" };

/**
 * Who called whom over some traced seasons, per season: the caller (a director, or an
 * advocate), the person asked, and when; most frequent first. Names as the file gives them.
 */
export function whoCalledWhomOf(traces: readonly TraceModel[]): { caller: string; asked: string; phase: string; perSeason: number }[] {
  const counts = new Map<string, { caller: string; asked: string; phase: string; n: number }>();
  for (const m of traces) {
    const R = (id: string) => m.labels.referrers[id] ?? id;
    for (const e of m.events) {
      let pair: [string, string, string] | undefined;
      if (e.kind === "invite-call" || e.kind === "rank-call" || e.kind === "late-call") pair = [R(e.director), R(e.knower), e.call.phase];
      else if (e.kind === "advocate-call") pair = [R(e.advocate), R(e.director), e.call.phase];
      if (!pair) continue;
      const key = pair.join("\u0000");
      const c = counts.get(key) ?? { caller: pair[0], asked: pair[1], phase: WHEN[pair[2]] ?? pair[2], n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  const seasons = Math.max(1, traces.length);
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.caller.localeCompare(b.caller) || a.asked.localeCompare(b.asked))
    .map((c) => ({ caller: c.caller, asked: c.asked, phase: c.phase, perSeason: c.n / seasons }));
}
