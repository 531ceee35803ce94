import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { afterAll, beforeAll } from 'vitest';

/**
 * Public-looking host names for the loopback fakes, without touching the machine's network setup.
 *
 * The core lets a registry on loopback send the client to its loopback neighbours (outbound-policy.ts:
 * "a registry that itself runs on loopback … may send us to its neighbours"). To show that a *public*
 * registry cannot walk the client into the local network, the fakes must be reachable under names
 * that are not loopback by their text. This replaces `dns.lookup`, which Node's `net.connect` (and so
 * undici) calls for every host name, inside this test process only, and only for names under the
 * RFC 2606 `.example` TLD, which never resolves on a real network. /etc/hosts and the resolver are not
 * touched, and the original function is put back after the file.
 */
export const PUBLIC_TLD = '.example';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Installs the `.example` → 127.0.0.1 lookup for the test file that calls it. */
export function usePublicNames(): void {
  const original = dns.lookup;
  beforeAll(() => {
    const patched = (hostname: string, options: LookupOptions | number | LookupCallback, callback?: LookupCallback): void => {
      const done = typeof options === 'function' ? options : callback;
      const opts: LookupOptions = typeof options === 'object' ? options : {};
      if (!done) throw new TypeError('dns.lookup needs a callback');
      if (!hostname.endsWith(PUBLIC_TLD)) {
        // Everything else resolves as usual (there should be nothing else in these tests).
        (original as (h: string, o: LookupOptions, c: LookupCallback) => void)(hostname, opts, done);
        return;
      }
      if (opts.all) done(null, [{ address: '127.0.0.1', family: 4 }]);
      else done(null, '127.0.0.1', 4);
    };
    // `dns.lookup` is a plain writable property of the CommonJS module object `net` reads it from.
    (dns as { lookup: unknown }).lookup = patched;
  });
  afterAll(() => {
    (dns as { lookup: unknown }).lookup = original;
  });
}
