import type { HistoryEntry, LayerInfo, PlatformImage } from '../../image/image-report';
import { MediaType, isSchema1MediaType } from '../../image/media-types';
import { EPOCH_HTTP_DATE, repoInfoDate, reprintHttpDate } from '../../format/http-date';
import { mojoJson } from '../../format/mojo-json';
import { formatRepoInfoSize } from '../../format/size';
import { dockerfileLines } from '../../history/dockerfile-line';
import { repoInfoPlatform } from '../../platform/repo-info-platform';
import { codeSpan, fenceFor, oneLine } from './markdown-safety';
import type { RepoInfoStyle } from './repo-info-style';

/**
 * The platform string of one image (repo-info-format.md §3, §5.3).
 *
 * A list entry prints the descriptor's platform; a single manifest only has the config's `os` and
 * `architecture`, so variant and os.version are never shown for it, even when the config has them.
 */
export function imagePlatformString(image: PlatformImage): string {
  if (image.fromIndex) return oneLine(repoInfoPlatform(image.platform));
  return oneLine(repoInfoPlatform({ os: image.config.os, architecture: image.config.architecture }));
}

/** Perl truthiness of a string: `undef`, `''` and `'0'` are false. repo-info tests optional lines this way. */
function perlTrue(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * The per-image `Manifest MIME`: hard-coded docker v2 for Docker v2 *and* OCI manifests, a quirk
 * of the current generator kept on purpose (§3, §9); schema 1 would say v1.
 */
function manifestMimeLine(image: PlatformImage): string {
  return isSchema1MediaType(image.manifestMediaType) ? MediaType.dockerManifestV1 : MediaType.dockerManifest;
}

/** Total Size: every layer's descriptor size, foreign layers included, unknown sizes skipped; never the config (§0, §3). */
function totalSize(layers: readonly LayerInfo[]): number {
  return layers.reduce((sum, layer) => (layer.size === undefined ? sum : sum + layer.size), 0);
}

/** The dockerfile block: `# <date>` and the rebuilt instruction for every history entry (§4). */
function dockerfileBlock(history: readonly HistoryEntry[], shell: readonly string[] | null | undefined, style: RepoInfoStyle): string[] {
  const body: string[] = [];
  for (const entry of history) {
    body.push(`# ${repoInfoDate(entry.created)}`, dockerfileLines(entry.created_by, shell, style));
  }
  const fence = fenceFor(body);
  return [`${fence}dockerfile`, ...body, fence];
}

/** One `-\t\`digest\`` entry of the Layers list; the bullet lines carry two trailing spaces (§5.1). */
function layerLines(layer: LayerInfo): string[] {
  const lines = [`\t-\t\`${layer.digest}\`  `];
  // repo-info re-parses the header and prints epoch 0 when it cannot (the `date()` of §5.2).
  if (layer.lastModified !== undefined) lines.push(`\t\tLast Modified: ${reprintHttpDate(layer.lastModified) ?? EPOCH_HTTP_DATE}  `);
  if (layer.size !== undefined) lines.push(`\t\tSize: ${formatRepoInfoSize(layer.size)}  `);
  lines.push(`\t\tMIME: ${oneLine(layer.mediaType)}`);
  return lines;
}

/**
 * The lines of one image's section, from the blank line before its `###` heading to its last
 * `MIME:` line (repo-info-format.md §5.1, §6.2, §8, §9).
 *
 * Attestation manifests come out like any image: `unknown; unknown`, no Docker Version, an empty
 * dockerfile block, in-toto layers (§9).
 */
export function repoInfoImageLines(display: string, pullName: string, image: PlatformImage, style: RepoInfoStyle): string[] {
  const runtime = image.config.config ?? undefined;
  const lines = ['', `### \`${display}\` - ${imagePlatformString(image)}`];
  if (image.fromIndex) lines.push('', '```console', `$ docker pull ${pullName}@${image.digest}`, '```');
  lines.push('');
  if (perlTrue(image.config.docker_version)) lines.push(`-\tDocker Version: ${oneLine(image.config.docker_version)}`);
  lines.push(`-\tManifest MIME: \`${manifestMimeLine(image)}\``);
  lines.push(`-\tTotal Size: **${formatRepoInfoSize(totalSize(image.layers))}**  `, '\t(compressed transfer size, not on-disk size)');
  if (perlTrue(image.configDigest)) lines.push(`-\tImage ID: ${codeSpan(image.configDigest)}`);
  // Entrypoint needs a non-empty array; Cmd and Shell only need to be there, so `[]` prints `[]` (§3).
  if (runtime?.Entrypoint != null && runtime.Entrypoint.length > 0) lines.push(`-\tEntrypoint: ${codeSpan(mojoJson(runtime.Entrypoint))}`);
  if (runtime?.Cmd != null) lines.push(`-\tDefault Command: ${codeSpan(mojoJson(runtime.Cmd))}`);
  if (runtime?.Shell != null) lines.push(`-\t\`SHELL\`: ${codeSpan(mojoJson(runtime.Shell))}`);
  lines.push('', ...dockerfileBlock(image.config.history ?? [], runtime?.Shell, style), '', '-\tLayers:');
  for (const layer of image.layers) lines.push(...layerLines(layer));
  return lines;
}
