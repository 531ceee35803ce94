/**
 * One promise per key for the lifetime of a run: identical requests are never made twice, even when
 * two platforms ask for the same layer at the same moment.
 *
 * A rejected promise is forgotten, so a later caller retries instead of inheriting the failure.
 */
export class Memo {
  private readonly entries = new Map<string, Promise<unknown>>();

  /** @param capacity most entries kept; the least recently used go first. */
  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const existing = this.entries.get(key);
    if (existing) {
      // Refresh its place in the eviction order.
      this.entries.delete(key);
      this.entries.set(key, existing);
      return existing as Promise<T>;
    }
    const promise = compute();
    this.entries.set(key, promise);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    promise.catch(() => this.entries.delete(key));
    return promise;
  }

  get size(): number {
    return this.entries.size;
  }
}
