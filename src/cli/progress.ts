import type { Io } from "./io.js";

/** Jobs expected to finish sooner than this get no bar. */
const SHOW_AFTER_MS = 800;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar with rate and ETA on stderr, only on a terminal, never with --quiet, and
 * only once a job has run long enough to need one. It never writes to stdout.
 */
export async function progressBar(io: Io, options: { quiet: boolean; label: string }): Promise<Progress> {
  if (options.quiet || io.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const { SingleBar, Presets } = await import("cli-progress");
  const started = Date.now();
  let bar: InstanceType<typeof SingleBar> | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new SingleBar(
          {
            format: `${options.label} [{bar}] {percentage}% | {value}/{total} seasons | {rate}/s | ETA {eta_formatted}`,
            stream: io.stderr as unknown as NodeJS.WritableStream,
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
            fps: 8,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, { rate: "…" });
      }
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : "…" });
    },
    stop() {
      bar?.stop();
    },
  };
}
