import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once, in order', async () => {
    const limiter = createLimiter(2);
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limiter.run(() => {
        started.push(i);
        return gate.promise;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(1);
    gates[0]?.resolve(0);
    await results[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve(1);
    gates[2]?.resolve(2);
    expect(await Promise.all(results)).toEqual([0, 1, 2]);
    expect(limiter.active).toBe(0);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limiter = createLimiter(1);
    const gate = deferred<string>();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => {
      ran = true;
      return 'no';
    }, controller.signal);
    controller.abort();
    await expect(second).rejects.toBeDefined();
    expect(limiter.waiting).toBe(0);
    gate.resolve('yes');
    expect(await first).toBe('yes');
    expect(ran).toBe(false);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});
