import { describe, expect, it } from "vitest";
import type { SeasonEvent } from "../../../src/season/events.js";
import { allCalls, listOf, names, season } from "../../helpers/season.js";

type RankCall = Extract<SeasonEvent, { kind: "rank-call" }>;
const rankCalls = (events: SeasonEvent[]) => events.filter((e): e is RankCall => e.kind === "rank-call");

/**
 * One program with a fixed list of n applicants; `who` (1-based position) is known by a
 * colleague of its director (the same institution: trust 1) of the given clout.
 */
function oneProgram(n: number, who: number, verdict: string, clout = 1, extra: object = {}) {
  const ids = names("a", n);
  return season({
    programs: [{ id: "P", positions: 1, director: "pd", rankList: ids }],
    applicants: ids.map((id) => ({ id, rankList: ["P"], ...(id === `a${who}` ? { knownBy: ["w"] } : {}) })),
    referrers: [
      { id: "pd", institution: "U" },
      { id: "w", institution: "U", clout },
    ],
    opinions: [{ referrer: "w", applicant: `a${who}`, verdict }],
    model: { ...allCalls(1), ...extra },
  } as never);
}

describe("effects of a rank-list call", () => {
  it("a strong word at influence 1 moves the applicant exactly 20 spots up", () => {
    const sn = oneProgram(30, 25, "strong");
    const { result, events } = sn.trial(0);
    const [call] = rankCalls(events);
    expect(call).toMatchObject({ from: 24, to: 4, said: "strong", influence: 1 });
    expect(listOf(sn, result.withCalls, "P").indexOf("a25")).toBe(4);
    expect(listOf(sn, result.withoutCalls, "P").indexOf("a25")).toBe(24);
  });

  it("a strong word near the top moves the applicant to the top, not past it", () => {
    const sn = oneProgram(30, 8, "strong");
    const [call] = rankCalls(sn.trial(0).events);
    expect(call).toMatchObject({ from: 7, to: 0 });
  });

  it("scales the shift by influence: clout 0.5 gives round(20 × 0.5) = 10 spots; positive 12 → 6; fine −5 → 3 down", () => {
    expect(rankCalls(oneProgram(30, 25, "strong", 0.5).trial(0).events)[0]).toMatchObject({ from: 24, to: 14 });
    expect(rankCalls(oneProgram(30, 25, "positive", 0.5).trial(0).events)[0]).toMatchObject({ from: 24, to: 18 });
    expect(rankCalls(oneProgram(30, 10, "fine", 0.5).trial(0).events)[0]).toMatchObject({ from: 9, to: 12 });
  });

  it("a fine word at the bottom keeps the applicant at the bottom", () => {
    expect(rankCalls(oneProgram(10, 10, "fine").trial(0).events)[0]).toMatchObject({ from: 9, to: 9 });
  });

  it("cautious and would-not-rank at influence 1 always drop the applicant", () => {
    for (const verdict of ["cautious", "would-not-rank"]) {
      const sn = oneProgram(10, 3, verdict);
      for (let t = 0; t < 50; t++) {
        const { result, events } = sn.trial(t);
        expect(rankCalls(events)[0]).toMatchObject({ from: 2, to: -1 });
        expect(listOf(sn, result.withCalls, "P")).not.toContain("a3");
      }
    }
  });

  it("a cautious word at influence 0.4 drops the applicant about 40% of the time", () => {
    const sn = oneProgram(10, 3, "cautious", 0.4);
    const n = 1000;
    let drops = 0;
    for (let t = 0; t < n; t++) if (rankCalls(sn.trial(t).events)[0]!.to === -1) drops++;
    const se = Math.sqrt((0.4 * 0.6) / n);
    expect(Math.abs(drops / n - 0.4)).toBeLessThan(3 * se);
  });

  it("with no call probability, nothing moves and both worlds agree", () => {
    const sn = oneProgram(10, 3, "cautious", 1, allCalls(0));
    const { result, events } = sn.trial(0);
    expect(rankCalls(events)).toEqual([]);
    expect(listOf(sn, result.withCalls, "P")).toEqual(listOf(sn, result.withoutCalls, "P"));
  });
});
