import { memoryBlob, type MemoryBlob } from '../fixtures/blob';
import { buildIndex, buildImage, uploadedLayer, type BuiltImage, type FixturePlatform, type HistoryEntry, type LayerDescriptorInput } from '../fixtures/image-builder';
import { buildLayer } from '../fixtures/layer-builder';
import { FULL_MANIFEST_ACCEPT } from '../fixtures/media-types';
import { mapLimit, type PushClient } from '../fixtures/push-client';
import { pushIndex } from '../fixtures/push-image';

/** The bench repositories, as pushed. */
export interface BenchFixtures {
  /** 50 tags (5 bases × 10 apps), 2 platforms each; tags of one base share its 4 base layers. */
  readonly sharedBase: { readonly repository: string; readonly tags: readonly string[] };
  /** `library/python:3.11` (6 platforms × 8 layers) under 1,000 tags. */
  readonly thousand: { readonly repository: string; readonly tags: readonly string[] };
}

const PLATFORMS: readonly FixturePlatform[] = [
  { architecture: 'amd64', os: 'linux' },
  { architecture: 'arm64', os: 'linux', variant: 'v8' },
];
const BASES = 5;
const APPS_PER_BASE = 10;
const BASE_LAYERS = 4;
const CREATED = '2024-04-02T10:00:00Z';

function smallLayer(seed: string, size: number): LayerDescriptorInput {
  return uploadedLayer(buildLayer({ seed, files: [{ path: `srv/${seed.replace(/[^a-z0-9]/gi, '_')}.bin`, size }], mtime: Date.parse(CREATED) / 1000 }));
}

/** One app image: its base's 4 layers (shared by the 10 apps of that base) plus 2–3 of its own. */
function appImage(base: number, app: number, platform: FixturePlatform): BuiltImage {
  const arch = platform.architecture;
  const baseLayers = Array.from({ length: BASE_LAYERS }, (_, k) => smallLayer(`bench-base:${base}:${arch}:${k}`, 2_000 + k * 1_500));
  const ownLayers = Array.from({ length: 2 + (app % 2) }, (_, k) => smallLayer(`bench-app:${base}:${app}:${arch}:${k}`, 300 + k * 200));
  const layers = [...baseLayers, ...ownLayers];
  const history: HistoryEntry[] = [
    ...layers.map((_, k) => ({ created: CREATED, created_by: k < BASE_LAYERS ? `/bin/sh -c #(nop) ADD file:base${base}-${k} in / ` : `/bin/sh -c make app${app} step${k}` })),
    { created: CREATED, created_by: '/bin/sh -c #(nop)  CMD ["/srv/app"]', empty_layer: true },
  ];
  return buildImage({ format: 'docker', platform, created: CREATED, containerConfig: { Cmd: ['/srv/app'], Env: [`APP=${base}-${app}`] }, history, layers });
}

/** Pushes the 50-tag repository whose tags share base layers. */
export async function pushSharedBaseRepo(client: PushClient): Promise<BenchFixtures['sharedBase']> {
  const repository = 'bench/shared-base';
  const jobs: { tag: string; children: BuiltImage[]; index: MemoryBlob }[] = [];
  for (let base = 0; base < BASES; base++) {
    for (let app = 0; app < APPS_PER_BASE; app++) {
      const children = PLATFORMS.map((platform) => appImage(base, app, platform));
      const index = buildIndex('docker', children.map((child) => ({ manifest: child.manifest, platform: child.platform })));
      jobs.push({ tag: `base${base}-app${app}`, children, index });
    }
  }
  // Bases first, one app each, so the other apps find the shared base layers already there.
  const firsts = jobs.filter((_, i) => i % APPS_PER_BASE === 0);
  await mapLimit(firsts, 2, (job) => pushIndex(client, repository, job.index, job.children, [job.tag]));
  await mapLimit(jobs.filter((_, i) => i % APPS_PER_BASE !== 0), 3, (job) => pushIndex(client, repository, job.index, job.children, [job.tag]));
  return { repository, tags: jobs.map((job) => job.tag) };
}

/** GETs a manifest's exact bytes (the registry keeps them as pushed). */
async function getManifest(baseUrl: string, repository: string, reference: string): Promise<MemoryBlob> {
  const res = await fetch(`${baseUrl}/v2/${repository}/manifests/${reference}`, { headers: { accept: FULL_MANIFEST_ACCEPT } });
  if (res.status !== 200) throw new Error(`GET ${repository}:${reference}: ${res.status}`);
  const mediaType = res.headers.get('content-type') ?? '';
  return memoryBlob(mediaType, Buffer.from(await res.arrayBuffer()));
}

/** A blob the registry already has in `from`: mounted, never uploaded. */
function mountOnly(digest: string, size: number): { digest: string; size: number; read: () => Buffer } {
  return {
    digest,
    size,
    read: () => {
      throw new Error(`blob ${digest} should have been mounted`);
    },
  };
}

interface ManifestJson {
  readonly config?: { readonly digest: string; readonly size: number };
  readonly layers?: readonly { readonly digest: string; readonly size: number }[];
  readonly manifests?: readonly { readonly digest: string }[];
}

/**
 * Copies `library/python:3.11` (6 platforms × 8 layers, pushed by the harness) into a new repository
 * under 1,000 tags: blobs are mounted, the list is PUT 1,000 times. Cheap, and each tag has the
 * shape of a real multi-platform tag (the report and JSON export are realistic in size).
 */
export async function pushThousandTags(client: PushClient, baseUrl: string): Promise<BenchFixtures['thousand']> {
  const from = 'library/python';
  const repository = 'bench/thousand-tags';
  const index = await getManifest(baseUrl, from, '3.11');
  const entries = (JSON.parse(index.bytes.toString('utf8')) as ManifestJson).manifests ?? [];
  for (const entry of entries) {
    const child = await getManifest(baseUrl, from, entry.digest);
    const json = JSON.parse(child.bytes.toString('utf8')) as ManifestJson;
    const blobs = [...(json.config ? [json.config] : []), ...(json.layers ?? [])];
    await mapLimit(blobs, 4, (blob) => client.pushBlob(repository, mountOnly(blob.digest, blob.size), from));
    await client.pushManifest(repository, child.digest, child);
  }
  const tags = Array.from({ length: 1000 }, (_, i) => `v${String(i).padStart(4, '0')}`);
  await mapLimit(tags, 8, (tag) => client.pushManifest(repository, tag, index));
  return { repository, tags };
}
