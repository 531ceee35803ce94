import type { ImageFixture } from '../fixtures/fixture-catalogue';
import type { E2eDescription } from './e2e-description';

/** One `config.history[]` entry, as the registry stores it. */
export interface ConfigHistoryEntry {
  readonly created_by?: string;
  readonly empty_layer?: boolean;
}

/**
 * The history of a fixture image, read from its config blob in the anonymous registry: the
 * ground truth the history diff is checked against (the catalogue only has its length).
 */
export async function fetchHistory(e2e: E2eDescription, repository: string, image: ImageFixture): Promise<readonly ConfigHistoryEntry[]> {
  const response = await fetch(`${e2e.registries.anon.url}/v2/${repository}/blobs/${image.configDigest}`);
  if (!response.ok) throw new Error(`config ${image.configDigest} of ${repository}: HTTP ${String(response.status)}`);
  const config = (await response.json()) as { readonly history?: readonly ConfigHistoryEntry[] };
  if (config.history?.length !== image.historyLength) throw new Error(`config ${image.configDigest} has ${String(config.history?.length)} history entries, the catalogue says ${String(image.historyLength)}`);
  return config.history;
}

/**
 * A step as a Dockerfile line, the way a reader compares them: the classic builder's
 * `/bin/sh -c #(nop) ` and a Windows `powershell -Command …; ` prefix taken off, a plain
 * `/bin/sh -c` read as `RUN`, whitespace runs collapsed.
 */
export function dockerfileLine(createdBy: string): string {
  const text = createdBy
    .replace(/^powershell -Command (?:\$\w+ = '[^']*'; ?)*/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^#\(nop\)\s+/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ');
  return text.replace(/\s+/g, ' ').trim();
}
