import type { Reply } from './replies';
import type { ScriptEntry } from './scripted-server';
import type { Content, Image } from './oci-content';

/**
 * Script entries that make the scripted server behave like an honest registry for some content;
 * tests put their hostile entries in front.
 */
export const LAST_MODIFIED = 'Wed, 30 Jan 2019 22:21:08 GMT';

/** The answer to GET/HEAD of a manifest: the bytes, their type and their digest header. */
export function manifestReply(of: Content, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status: 200, headers: { 'content-type': of.mediaType, 'docker-content-digest': of.digest, ...headers }, body: of.bytes };
}

/** `/v2/<repo>/manifests/<reference>`. */
export function manifestPath(repository: string, reference: string): string {
  return `/v2/${repository}/manifests/${reference}`;
}

/** `/v2/<repo>/blobs/<digest>`. */
export function blobPath(repository: string, digest: string): string {
  return `/v2/${repository}/blobs/${digest}`;
}

/** A manifest served under a tag and under its digest. */
export function serveManifest(repository: string, tag: string | undefined, of: Content): ScriptEntry[] {
  const entries: ScriptEntry[] = [{ name: `manifest ${of.digest.slice(0, 15)}`, method: ['GET', 'HEAD'], path: manifestPath(repository, of.digest), reply: manifestReply(of) }];
  if (tag) entries.push({ name: `tag ${tag}`, method: ['GET', 'HEAD'], path: manifestPath(repository, tag), reply: manifestReply(of) });
  return entries;
}

/** A blob (config GET, layer HEAD) with its bytes and a `Last-Modified`. */
export function serveBlob(repository: string, of: Content): ScriptEntry {
  return { name: `blob ${of.digest.slice(0, 15)}`, method: ['GET', 'HEAD'], path: blobPath(repository, of.digest), reply: { status: 200, headers: { 'content-type': 'application/octet-stream', 'last-modified': LAST_MODIFIED }, body: of.bytes } };
}

/** Everything an image needs: manifest (tag and digest), config, layer HEADs. */
export function serveImage(repository: string, tag: string | undefined, of: Image): ScriptEntry[] {
  return [...serveManifest(repository, tag, of.manifest), serveBlob(repository, of.config), ...of.layers.map((item) => serveBlob(repository, item))];
}
