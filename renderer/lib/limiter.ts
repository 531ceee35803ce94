/**
 * A tiny concurrency limiter: at most `concurrency` tasks run at once, the rest wait in order. A
 * waiting task whose signal aborts leaves the queue without running.
 */
export interface Limiter {
  /** Runs `task` when a slot is free; rejects with the signal's reason if aborted while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

interface Waiter {
  readonly start: () => void;
  readonly signal: AbortSignal | undefined;
}

/** A limiter with `concurrency` slots (at least 1). */
export function createLimiter(concurrency: number): Limiter {
  const slots = Math.max(1, Math.floor(concurrency));
  let active = 0;
  const queue: Waiter[] = [];

  const next = (): void => {
    while (active < slots && queue.length > 0) {
      const waiter = queue.shift() as Waiter;
      if (waiter.signal?.aborted === true) continue;
      waiter.start();
    }
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(abortReason(signal));
          return;
        }
        const waiter: Waiter = {
          signal,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            active++;
            let promise: Promise<T>;
            try {
              promise = task();
            } catch (error) {
              promise = Promise.reject(error);
            }
            promise.then(resolve, reject).finally(() => {
              active--;
              next();
            });
          },
        };
        function onAbort(): void {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(abortReason(signal as AbortSignal));
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        next();
      });
    },
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}
