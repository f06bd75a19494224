import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dropEarlyReads, readEarly, takeEarlyRead } from "../../../src/cli/early-read.js";
import { main } from "../../../src/cli/main.js";
import { checkScenarioInput } from "../../../src/cli/scenario-input.js";
import { maxScenarioBytes, readScenarioText } from "../../../src/scenario/read-scenario.js";
import { captureIo } from "../../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "early-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LIMIT = maxScenarioBytes({});

describe("reading the scenario while the command loads", () => {
  it("reads a large file with multi-byte text whole, as the file holds it", async () => {
    const file = join(dir, "big.yaml");
    // Over a few megabytes, with characters of two, three and four bytes across any boundary.
    writeFileSync(file, `name: "Zoë – 🩺"\n${"# é–🩺 padding line\n".repeat(200_000)}`);
    expect(await readScenarioText(file)).toBe(readFileSync(file, "utf8"));
  });

  it("starts a read for a command that takes a scenario first, handed over once", async () => {
    const file = join(dir, "s.yaml");
    writeFileSync(file, "programs: []\n");
    readEarly(["match", file, "--format", "json"], captureIo());
    expect(takeEarlyRead(file, LIMIT + 1)).toBeUndefined(); // another limit: not this read
    const reading = takeEarlyRead(file, LIMIT);
    expect(reading).toBeInstanceOf(Promise);
    expect(await reading).toBe("programs: []\n");
    expect(takeEarlyRead(file, LIMIT)).toBeUndefined();
  });

  it("the command reads the text read early, not the file again", async () => {
    const file = join(dir, "changing.yaml");
    writeFileSync(file, "name: early\n");
    readEarly(["validate", file], captureIo());
    // Time for the read to finish (it takes well under a millisecond), then a new text.
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(file, "name: late\n");
    const checked = await checkScenarioInput(file, captureIo());
    expect(checked.scenario?.name).toBe("early");
    // Taken once: the next command reads the file as it is now.
    expect((await checkScenarioInput(file, captureIo())).scenario?.name).toBe("late");
  });

  it("starts none for an option first, standard input, or a command without a scenario", () => {
    const file = join(dir, "s.yaml");
    for (const argv of [["match", "--proposer", "program", file], ["run", "-"], ["merge", file], ["schema"], []]) {
      readEarly(argv, captureIo());
      expect(takeEarlyRead(file, LIMIT)).toBeUndefined();
      expect(takeEarlyRead("-", LIMIT)).toBeUndefined();
    }
  });

  it("keeps the limit the command is given in its environment", async () => {
    const file = join(dir, "s.yaml");
    const io = captureIo({ env: { MATCH_SIM_MAX_FILE_MB: "0.000001" } });
    readEarly(["validate", file], io);
    await expect(takeEarlyRead(file, maxScenarioBytes(io.env))).rejects.toThrow("over the limit");
    dropEarlyReads();
  });

  it("a failed read no command takes is dropped without an unhandled rejection", async () => {
    const io = captureIo();
    // --help ends the command before it reads: the read of a missing file fails unseen.
    expect(await main(["run", join(dir, "missing.yaml"), "--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: match-sim run");
    expect(takeEarlyRead(join(dir, "missing.yaml"), LIMIT)).toBeUndefined();
    // The same path read for real reports the error as ever.
    const again = captureIo();
    expect(await main(["run", join(dir, "missing.yaml")], again)).toBe(1);
    expect(again.err()).toContain("missing.yaml: cannot read scenario: no such file");
  });
});
