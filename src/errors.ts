import type { Issue } from "./scenario/issue.js";
import { formatIssue } from "./scenario/issue.js";

/**
 * A problem with what the user gave us: printed without a stack, exit code 1. The library
 * exports it as MatchSimError; a bad scenario's positioned issues are in `issues`.
 */
export class UserError extends Error {
  override name = "UserError";
  readonly issues: readonly Issue[] = [];
}

/** A command line that cannot be obeyed: exit code 2. */
export class UsageError extends UserError {
  override name = "UsageError";
}

/** Every positioned problem found in one scenario file, collected before failing. */
export class ScenarioError extends UserError {
  override name = "ScenarioError";
  override readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
  }
}

/** The user interrupted the run (Ctrl-C): exit code 130, nothing written. */
export class Interrupted extends UserError {
  override name = "Interrupted";
  constructor() {
    super("interrupted; nothing was written");
  }
}
