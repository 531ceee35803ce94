import type { FoundTagReport, ImageConfig, PlatformImage, TagReport } from '../../../image/image-report';
import { MediaType } from '../../../image/media-types';
import { DOCKER_HUB, type ImageReference } from '../../../reference/reference-model';
import type { ParsedRepoInfoImage, ParsedRepoInfoTag } from './parse-repo-info';

/**
 * The image reference behind a report's `display` and `pullName`, by Docker's naming rules:
 * `python:3.8` + `python` → docker.io `library/python` tag `3.8`; `ghcr.io/acme/app:v1` → ghcr.io `acme/app`.
 */
export function referenceFromDisplay(display: string, pullName: string): ImageReference {
  const at = display.indexOf('@');
  const name = at < 0 ? display : display.slice(0, at);
  const digest = at < 0 ? undefined : display.slice(at + 1);
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
  const [first = '', ...rest] = pullName.split('/');
  const hasRegistry = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : DOCKER_HUB;
  const path = hasRegistry ? rest.join('/') : pullName;
  const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
  return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The config blob an image of the report must have had. */
function configFor(image: ParsedRepoInfoImage): ImageConfig {
  const { platform } = image;
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant !== undefined ? { variant: platform.variant } : {}),
    ...(platform.osVersion !== undefined ? { 'os.version': platform.osVersion } : {}),
    ...(image.dockerVersion !== undefined ? { docker_version: image.dockerVersion } : {}),
    config: {
      ...(image.entrypoint ? { Entrypoint: image.entrypoint } : {}),
      ...(image.cmd ? { Cmd: image.cmd } : {}),
      ...(image.shell ? { Shell: image.shell } : {}),
    },
    history: image.history.map(({ created, created_by }) => ({ created, ...(created_by !== undefined ? { created_by } : {}) })),
  };
}

function isAttestation(image: ParsedRepoInfoImage): boolean {
  return image.platform.os === 'unknown' && image.platform.architecture === 'unknown';
}

function platformImage(image: ParsedRepoInfoImage, tagDigest: string): PlatformImage {
  const docker = image.manifestMediaType === MediaType.dockerManifest;
  return {
    digest: image.digest ?? tagDigest,
    manifestSize: 0,
    platform: image.platform,
    fromIndex: image.digest !== undefined,
    manifestMediaType: image.manifestMediaType,
    kind: isAttestation(image) ? 'attestation' : 'image',
    configDigest: image.configDigest ?? '',
    configMediaType: docker ? MediaType.dockerConfig : MediaType.ociConfig,
    config: configFor(image),
    layers: image.layers.map((layer) => ({ ...layer })),
  };
}

/**
 * A `TagReport` that renders back to the parsed markdown: what the registry core would have
 * collected for the images behind the report. Manifest sizes are unknown and set to 0.
 */
export function tagReportFromParsed(parsed: ParsedRepoInfoTag, pullName?: string): TagReport {
  if (parsed.kind === 'missing') {
    const name = pullName ?? parsed.display.replace(/[:@][^/]*$/, '');
    return { kind: 'missing', reference: referenceFromDisplay(parsed.display, name), display: parsed.display };
  }
  const images = parsed.images.map((image) => platformImage(image, parsed.digest));
  const report: FoundTagReport = {
    kind: 'found',
    reference: referenceFromDisplay(parsed.display, parsed.pullName),
    display: parsed.display,
    pullName: parsed.pullName,
    digest: parsed.digest,
    mediaType: parsed.listMediaType ?? images[0]?.manifestMediaType ?? MediaType.dockerManifest,
    manifestSize: 0,
    isIndex: parsed.listMediaType !== undefined,
    images,
  };
  return report;
}
