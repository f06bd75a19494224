import { InvalidArgumentError, Option } from "commander";

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption = () =>
  new Option("-f, --format <format>", "output format").choices(FORMATS).default("table");

export const proposerOption = () =>
  new Option("--proposer <side>", "which side proposes in deferred acceptance")
    .choices(["applicant", "program"])
    .default("applicant");

export const outOption = () => new Option("-o, --out <file>", "write the result to FILE (atomically) instead of stdout");

/** A whole number within bounds, for options such as --runs and --workers. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}
