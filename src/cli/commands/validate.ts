import type { Command } from "commander";
import { formatIssue } from "../../scenario/issue.js";
import type { Io } from "../io.js";
import { checkScenarioInput } from "../scenario-input.js";
import { UserError } from "../../errors.js";

export function registerValidate(program: Command, io: Io): void {
  program
    .command("validate")
    .description("check scenario files and report every problem with its line and column")
    .argument("<files...>", "scenario files (.yaml, .yml, .json, or - for standard input)")
    .addHelpText(
      "after",
      `
Examples:
  $ match-sim validate scenarios/classroom.yaml
  $ match-sim validate scenarios/*.yaml
  $ match-sim validate - < scenarios/classroom.yaml
`,
    )
    .action(async (files: string[]) => {
      let failed = 0;
      for (const file of files) {
        let checked;
        try {
          checked = await checkScenarioInput(file, io);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          io.stderr.write(`${err.message}\n`);
          failed++;
          continue;
        }
        for (const w of checked.warnings) io.stderr.write(`${formatIssue(w)} (warning)\n`);
        if (!checked.scenario) {
          for (const e of checked.errors) io.stderr.write(`${formatIssue(e)}\n`);
          failed++;
          continue;
        }
        const s = checked.scenario;
        const positions = s.programs.reduce((sum, p) => sum + p.positions, 0);
        const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
        io.stdout.write(
          `${checked.file}: ok — ${count(s.applicants.length, "applicant")}, ${count(s.programs.length, "program")}, ` +
            `${count(positions, "position")}, ${count(s.referrers.length, "referrer")}, ${count(s.relationships.length, "relationship")}\n`,
        );
      }
      if (failed > 0) throw new SilentFailure(failed === 1 ? "1 file has errors" : `${failed} files have errors`);
    });
}

/** Failure whose details are already printed: main() prints only this summary. */
export class SilentFailure extends UserError {
  override name = "SilentFailure";
}
