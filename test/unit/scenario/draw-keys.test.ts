import { describe, expect, it } from "vitest";
import { idKey } from "../../../src/rng/id-keys.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

// Each entity's draws are addressed by a key hashed from its kind and id; two ids whose
// hashes collide must not share draws.

const keysOf = (ids: readonly string[]) =>
  loadScenarioText(JSON.stringify({ applicants: ids.map((id) => ({ id })) }), "s.json").indexed.applicant.key;

/** The first pair of ids A<i> whose applicant keys collide, searched for (about 2^15 ids in). */
function collidingPair(): [string, string] {
  const keyOf = (id: string) => idKey("applicant", id);
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `A${i}`;
    const first = seen.get(keyOf(id));
    if (first !== undefined) return [first, id];
    seen.set(keyOf(id), id);
  }
}

describe("draw keys", () => {
  it("are the id's hash where no two collide, whatever the order", () => {
    const keyOf = (id: string) => idKey("applicant", id);
    const ids = ["b", "a", "c", "A1", "A2"];
    expect([...keysOf(ids)]).toEqual(ids.map(keyOf));
    expect([...keysOf([...ids].reverse())]).toEqual([...ids].reverse().map(keyOf));
  });

  it("give the later of two colliding ids a salted key of its own, leaving every other key alone", () => {
    const [first, second] = collidingPair();
    const keyOf = (id: string) => idKey("applicant", id);
    expect(keyOf(first)).toBe(keyOf(second));
    const ids = ["x", first, "y", second, "z"];
    const keys = keysOf(ids);
    expect(keys[1]).toBe(keyOf(first));
    expect(keys[3]).not.toBe(keyOf(second));
    expect(keys[3]).toBe(keyOf(`${second}#1`));
    for (const i of [0, 2, 4]) expect(keys[i]).toBe(keyOf(ids[i]!));
    // Swapped in the file, the other one is salted.
    const swapped = keysOf(["x", second, "y", first, "z"]);
    expect(swapped[1]).toBe(keyOf(second));
    expect(swapped[3]).toBe(keyOf(`${first}#1`));
  });
});
