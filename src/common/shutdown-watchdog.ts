/**
 * The last line of graceful shutdown. Nest's shutdown hooks finish in-flight
 * requests and close MySQL, Redis and BullMQ, each with its own bound; if any
 * of them still hangs (a dependency that accepted the connection and went
 * silent), this ends the process after timeoutMs so that an orchestrator's
 * SIGTERM is always honoured before its SIGKILL.
 */
export function armShutdownWatchdog(timeoutMs: number, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
  const arm = (signal: NodeJS.Signals) => {
    for (const s of signals) {
      process.removeListener(s, arm);
    }
    // unref: a clean shutdown that finishes first is not held up by this timer.
    setTimeout(() => {
      process.stderr.write(
        `${JSON.stringify({ level: 40, time: Date.now(), msg: `shutdown after ${signal} did not finish within ${timeoutMs} ms; exiting` })}\n`,
      );
      process.exit(1);
    }, timeoutMs).unref();
  };
  for (const s of signals) {
    process.once(s, arm);
  }
}
