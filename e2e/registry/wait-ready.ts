import { logTail, type ManagedProcess } from './process-group';

/**
 * Polls `url` until it answers with a status `ready` accepts. Fails at once if `process` exits
 * (with the tail of its log), or after `timeoutMs`.
 */
export async function waitForHttp(url: string, ready: (status: number) => boolean, process: ManagedProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (process.hasExited()) throw new Error(`${process.name} exited before answering ${url}:\n${logTail(process.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (ready(res.status)) return;
      lastError = `status ${res.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${process.name} did not answer ${url} within ${timeoutMs} ms (${lastError}):\n${logTail(process.logFile)}`);
}
