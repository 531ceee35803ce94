import { z } from 'zod';

/**
 * Schemas for what registries send: descriptors, image manifests, indexes and image configs.
 *
 * Bodies are hashed first and validated second (image-spec: avoid heavy processing before the hash).
 * Sizes must be safe integers: an int64 above 2^53 would silently lose precision in JavaScript
 * (reliability.md §5 row 2). Entry counts are capped so a hostile index cannot make the UI render
 * 100k platforms (row 8).
 */

/** Most entries an index may have, and most layers a manifest may have. */
export const MAX_INDEX_ENTRIES = 10_000;
export const MAX_LAYERS = 10_000;
export const MAX_HISTORY_ENTRIES = 100_000;

const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** `algorithm:encoded`, as the OCI descriptor spec defines it. */
export const digestSchema = z.string().max(256).regex(DIGEST_PATTERN, 'not a digest');

const sizeSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const annotationsSchema = z.record(z.string(), z.string());

export const platformSchema = z.looseObject({
  architecture: z.string().max(256),
  os: z.string().max(256),
  variant: z.string().max(256).optional(),
  'os.version': z.string().max(256).optional(),
  'os.features': z.array(z.string().max(256)).max(256).optional(),
  features: z.array(z.string().max(256)).max(256).optional(),
});

export const descriptorSchema = z.looseObject({
  mediaType: z.string().max(512).optional(),
  digest: digestSchema,
  size: sizeSchema,
  urls: z.array(z.string().max(8192)).max(64).optional(),
  annotations: annotationsSchema.optional(),
  platform: platformSchema.optional(),
  artifactType: z.string().max(512).optional(),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

/** A manifest list (Docker) or an image index (OCI). */
export const indexSchema = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().max(512).optional(),
  manifests: z.array(descriptorSchema).max(MAX_INDEX_ENTRIES),
  annotations: annotationsSchema.optional(),
  // An index that also carries image fields is ambiguous (GHSA-77vh-xpmg-72qh): refuse it.
  layers: z.undefined({ error: 'an index must not have layers' }).optional(),
  config: z.undefined({ error: 'an index must not have a config' }).optional(),
});
export type ImageIndex = z.infer<typeof indexSchema>;

/** A single-image manifest (Docker schema 2 or OCI). */
export const imageManifestSchema = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().max(512).optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema).max(MAX_LAYERS),
  annotations: annotationsSchema.optional(),
  subject: descriptorSchema.optional(),
  manifests: z.undefined({ error: 'an image manifest must not list manifests' }).optional(),
});
export type ImageManifest = z.infer<typeof imageManifestSchema>;

const stringList = z.array(z.string()).max(4096).nullable().optional();

/** The subset of an image config that regscope reads; anything else is ignored, not rejected. */
export const imageConfigSchema = z.looseObject({
  architecture: z.string().max(256).optional(),
  os: z.string().max(256).optional(),
  variant: z.string().max(256).optional(),
  'os.version': z.string().max(256).optional(),
  created: z.string().max(256).optional(),
  docker_version: z.string().max(256).optional(),
  author: z.string().max(4096).optional(),
  config: z
    .looseObject({
      Cmd: stringList,
      Entrypoint: stringList,
      Shell: stringList,
      Env: stringList,
      Labels: z.record(z.string(), z.string()).nullable().optional(),
      WorkingDir: z.string().optional(),
      User: z.string().optional(),
      ExposedPorts: z.record(z.string(), z.unknown()).nullable().optional(),
      StopSignal: z.string().optional(),
    })
    .nullable()
    .optional(),
  history: z
    .array(
      z.looseObject({
        created: z.string().max(256).optional(),
        created_by: z.string().optional(),
        empty_layer: z.boolean().optional(),
        comment: z.string().optional(),
        author: z.string().optional(),
      }),
    )
    .max(MAX_HISTORY_ENTRIES)
    .optional(),
  rootfs: z.looseObject({ type: z.string().optional(), diff_ids: z.array(z.string()).max(MAX_LAYERS).optional() }).optional(),
});
export type ImageConfigDocument = z.infer<typeof imageConfigSchema>;

/** The first problem of a failed parse, as a short phrase (`layers.3.size: …`). */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid document';
  const where = issue.path.length ? issue.path.join('.') : 'document';
  return `${where}: ${issue.message}`;
}
