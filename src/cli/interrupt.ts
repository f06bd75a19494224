import { Interrupted } from "../errors.js";

/**
 * Runs `job` with an abort signal that Ctrl-C (SIGINT) triggers. If the job ends because
 * of it, Interrupted is thrown: the command stops, the workers are gone, and since results
 * are written only once complete, no partial file is left.
 */
export async function interruptible<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Interrupted());
  process.once("SIGINT", onSignal);
  try {
    return await job(controller.signal);
  } catch (err) {
    if (controller.signal.aborted) throw new Interrupted();
    throw err;
  } finally {
    process.off("SIGINT", onSignal);
  }
}
