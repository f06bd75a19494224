import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Browser } from "playwright-core";
import { main } from "../../src/cli/main.js";
import { captureIo, ROOT } from "./cli.js";

// Debian's Chromium driven by playwright-core (no browser download). .ci/run installs
// Chromium; without it the browser tests are skipped, saying so.
export const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
export const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
export const ARTIFACTS = join(ROOT, "artifacts");

/** Runs the command line in this process and gives what it printed; it must succeed quietly. */
export async function cli(args: string[]): Promise<string> {
  const io = captureIo();
  const code = await main([...args, "--quiet"], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return io.out();
}

/** Headless Chromium with nothing of its own going to the network. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
