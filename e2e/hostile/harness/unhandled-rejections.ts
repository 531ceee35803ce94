import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * Fails the file when anything it ran left a promise rejection unhandled (a background cache write,
 * a redirect hop, a token fetch nobody awaited): the app's main process would log or crash on it.
 *
 * Checked after every test and once more after the file, because a rejection is reported a tick
 * after it happens and may land after the test that caused it.
 */
export function guardUnhandledRejections(): void {
  const seen: string[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  beforeAll(() => {
    process.on('unhandledRejection', listener);
  });
  afterEach(async () => {
    // Let pending microtasks and one macrotask run so a late rejection is attributed here.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen, 'unhandled promise rejections').toEqual([]);
  });
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', listener);
    expect(seen, 'unhandled promise rejections').toEqual([]);
  });
}
