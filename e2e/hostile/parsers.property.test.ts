import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../../shared/api/errors';
import { MAX_INDEX_ENTRIES, MAX_LAYERS } from '../../shared/image/manifest-schemas';
import { parseConfig } from '../../electron/core/registry/blobs';
import { parseManifest, type FetchedManifest } from '../../electron/core/registry/manifests';
import { bytesOf, configLike, contentType, manifestLike, nearlyValid } from './harness/document-arbitraries';
import { hasControlCharacters } from './harness/outcome';

/**
 * Property tests of the manifest, index and config parsers (reliability.md §5 rows 1–4, 8–9 at
 * the parser level): for any bytes a registry can send, they return a parsed document or throw a
 * RegscopeError of the right stage and code, never anything else; and what they accept keeps the
 * invariants the rest of the app relies on. No timing assertions.
 */
const DIGEST = `sha256:${'a'.repeat(64)}`;
const DISPLAY = 'acme/app:1';
// A fixed seed: CI runs the same 1,500 documents every time (the "not vacuous" count below must not flake).
const RUNS = { numRuns: 1500, seed: 20_261_122 };

/** Runs `parse`; the outcome is a value or a RegscopeError (anything else fails the property). */
function outcome<T>(parse: () => T): { ok: true; value: T } | { ok: false; error: RegscopeError } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof RegscopeError) return { ok: false, error };
    throw error;
  }
}

const documents = fc.oneof(nearlyValid, manifestLike, fc.jsonValue({ maxDepth: 3 }));

/** Every descriptor an accepted manifest or index has. */
function descriptorsOf(parsed: FetchedManifest) {
  return parsed.kind === 'index' ? parsed.index.manifests : [parsed.manifest.config, ...parsed.manifest.layers, ...(parsed.manifest.subject ? [parsed.manifest.subject] : [])];
}

describe('parseManifest properties', () => {
  it('never throws anything but a manifest-stage RegscopeError naming the reference', () => {
    fc.assert(
      fc.property(bytesOf(documents), contentType, (bytes, type) => {
        const result = outcome(() => parseManifest(bytes, type, DIGEST, DISPLAY));
        if (!result.ok) {
          expect(result.error.data).toMatchObject({ stage: 'manifest', reference: DISPLAY });
          expect(['invalid-manifest', 'unsupported-media-type']).toContain(result.error.data.code);
        }
      }),
      RUNS,
    );
  });

  it('what it accepts has safe sizes, real digests, entry caps and an unambiguous kind', () => {
    let accepted = 0;
    fc.assert(
      fc.property(bytesOf(documents), contentType, (bytes, type) => {
        const result = outcome(() => parseManifest(bytes, type, DIGEST, DISPLAY));
        if (!result.ok) return;
        accepted += 1;
        const parsed = result.value;
        for (const descriptor of descriptorsOf(parsed)) {
          expect(Number.isSafeInteger(descriptor.size) && descriptor.size >= 0).toBe(true);
          expect(descriptor.digest).toMatch(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/);
        }
        if (parsed.kind === 'index') {
          expect(parsed.index.manifests.length).toBeLessThanOrEqual(MAX_INDEX_ENTRIES);
          expect('layers' in parsed.index && parsed.index.layers !== undefined).toBe(false);
        } else {
          expect(parsed.manifest.layers.length).toBeLessThanOrEqual(MAX_LAYERS);
          expect('manifests' in parsed.manifest && parsed.manifest.manifests !== undefined).toBe(false);
        }
        expect(parsed.bytes).toBe(bytes);
      }),
      RUNS,
    );
    // The property is not vacuous: a good share of the runs produced an accepted document.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
  });

  // FINDING (manifests.ts parseManifest, and manifest-schemas.ts describeSchemaError): registry text
  // goes into error messages raw — the body's `mediaType` ("unsupported manifest type …") and JSON
  // keys in a schema error path ("invalid manifest: annotations.<key>: …"). ESC sequences then reach
  // the CLI's stderr and U+202E reorders the UI's error line. The first example is one of each.
  it('error messages never carry control or bidi characters from the document', () => {
    const examples: Array<[Buffer, string | undefined]> = [
      [Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: '\u001b[2Jx' })), undefined],
      [Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [], annotations: { '\u202eevil': 5 } })), undefined],
    ];
    fc.assert(
      fc.property(bytesOf(documents), contentType, (bytes, type) => {
        const result = outcome(() => parseManifest(bytes, type, DIGEST, DISPLAY));
        if (!result.ok) expect(hasControlCharacters(result.error.data.message)).toBe(false);
      }),
      { ...RUNS, examples },
    );
  });
});

describe('parseConfig properties', () => {
  const configs = fc.oneof(configLike, fc.jsonValue({ maxDepth: 3 }));

  it('never throws anything but a config-stage RegscopeError naming the reference', () => {
    fc.assert(
      fc.property(bytesOf(configs), (bytes) => {
        const result = outcome(() => parseConfig(bytes, { digest: DIGEST, display: DISPLAY }));
        if (!result.ok) expect(result.error.data).toMatchObject({ code: 'invalid-manifest', stage: 'config', reference: DISPLAY });
      }),
      RUNS,
    );
  });

  it('what it accepts has string lists where the exporters expect them', () => {
    let accepted = 0;
    fc.assert(
      fc.property(bytesOf(configs), (bytes) => {
        const result = outcome(() => parseConfig(bytes, { digest: DIGEST, display: DISPLAY }));
        if (!result.ok) return;
        accepted += 1;
        const config = result.value;
        for (const list of [config.config?.Cmd, config.config?.Env, config.config?.Entrypoint]) {
          if (list != null) expect(list.every((item) => typeof item === 'string')).toBe(true);
        }
        for (const entry of config.history ?? []) {
          if (entry.created_by !== undefined) expect(typeof entry.created_by).toBe('string');
        }
        for (const value of Object.values(config.config?.Labels ?? {})) expect(typeof value).toBe('string');
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
  });
});
