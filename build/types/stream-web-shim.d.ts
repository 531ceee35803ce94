/**
 * happy-dom 21's typings (pulled in by `vitest/node` and by an HTML export test) name
 * `UnderlyingDefaultSource` from `node:stream/web`; @types/node 20 does not declare it, so tsc failed
 * on a library file. This declares the missing name; delete it once @types/node has it.
 */
import type { UnderlyingSource } from 'node:stream/web';

declare module 'node:stream/web' {
  interface UnderlyingDefaultSource<R = unknown> extends UnderlyingSource<R> {}
}
