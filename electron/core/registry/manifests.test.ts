import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MediaType } from '../../../shared/image/media-types';
import { parseManifest } from './manifests';
import { errorDataOf } from '../testing/error-data-of';

const realWorld = fileURLToPath(new URL('../../../../shared/fixtures/real-world/', import.meta.url));
const read = (file: string) => readFileSync(`${realWorld}${file}`);
const D = 'sha256:' + 'a'.repeat(64);


describe('parseManifest on real registry documents', () => {
  it('reads the 2016 manifest list with its five platforms in order', () => {
    const parsed = parseManifest(read('manifest-list-2016/manifest-list.json'), MediaType.dockerManifestList, D, 'x');
    expect(parsed.kind).toBe('index');
    if (parsed.kind !== 'index') return;
    expect(parsed.index.manifests.map((m) => `${m.platform?.architecture}${m.platform?.variant ? '/' + m.platform.variant : ''}`)).toEqual(['ppc64le', 'amd64', 's390x', 'arm/v7', 'arm64/v8']);
  });

  it('reads an image manifest whose config has the 2016 octet-stream type', () => {
    const parsed = parseManifest(read('docker-1.10.3/manifest.json'), MediaType.dockerManifest, D, 'docker:1.10.3');
    expect(parsed.kind).toBe('image');
    if (parsed.kind !== 'image') return;
    expect(parsed.manifest.config.mediaType).toBe('application/octet-stream');
    expect(parsed.manifest.layers.length).toBeGreaterThan(0);
  });

  it('takes the kind from the body when Content-Type is generic', () => {
    expect(parseManifest(read('ubuntu-17.10/amd64-manifest.json'), 'application/octet-stream', D, 'ubuntu').kind).toBe('image');
  });

  it('refuses schema 1 with an explanation', async () => {
    expect(await errorDataOf(() => parseManifest(read('schema1-httpd-copy/manifest-schema1-signed.json'), MediaType.dockerManifestV1Signed, D, 'httpd'))).toMatchObject({
      code: 'unsupported-media-type',
      stage: 'manifest',
      reference: 'httpd',
    });
  });
});

describe('parseManifest on hostile documents', () => {
  const layer = { mediaType: MediaType.dockerLayer, digest: D, size: 1 };
  const image = { schemaVersion: 2, mediaType: MediaType.dockerManifest, config: { ...layer, mediaType: MediaType.dockerConfig }, layers: [layer] };
  it.each([
    ['truncated JSON', '{"schemaVersion": 2, "layers": [', 'invalid-manifest'],
    ['size as a string', JSON.stringify({ ...image, layers: [{ ...layer, size: '12' }] }), 'invalid-manifest'],
    ['negative size', JSON.stringify({ ...image, layers: [{ ...layer, size: -1 }] }), 'invalid-manifest'],
    ['size beyond 2^53', JSON.stringify({ ...image, layers: [{ ...layer, size: 2 ** 60 }] }), 'invalid-manifest'],
    ['layers as an object', JSON.stringify({ ...image, layers: {} }), 'invalid-manifest'],
    ['an image manifest that also lists manifests', JSON.stringify({ ...image, manifests: [] }), 'invalid-manifest'],
    ['an index that also has layers', JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [], layers: [] }), 'invalid-manifest'],
    ['a Helm chart type', JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart.v1' }), 'unsupported-media-type'],
    ['a JSON array', '[]', 'invalid-manifest'],
  ])('%s → %s', async (_label, body, code) => {
    expect(await errorDataOf(() => parseManifest(Buffer.from(body), undefined, D, 'acme/app:1'))).toMatchObject({ code, stage: 'manifest', reference: 'acme/app:1' });
  });

  it('refuses a Content-Type that contradicts the body', async () => {
    expect(await errorDataOf(() => parseManifest(Buffer.from(JSON.stringify(image)), MediaType.ociIndex, D, 'a'))).toMatchObject({ code: 'invalid-manifest' });
  });
});
