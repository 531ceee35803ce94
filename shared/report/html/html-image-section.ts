import type { LayerInfo, PlatformImage } from '../../image/image-report';
import { formatBytes } from '../../format/size';
import { dockerfileLines } from '../../history/dockerfile-line';
import { repoInfoPlatform } from '../../platform/repo-info-platform';
import { displayDate } from './display-date';
import { html, type SafeHtml } from './safe-html';

/** Bytes as `33.0 MB`, with the exact count in the tooltip. */
export function sizeCell(bytes: number | undefined): SafeHtml {
  if (bytes === undefined) return html`<td class="num muted">unknown</td>`;
  return html`<td class="num" title="${`${String(bytes)} bytes`}">${formatBytes(bytes)}</td>`;
}

/** The compressed size of an image: its known layer sizes added up. */
export function imageSize(image: PlatformImage): number {
  return image.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}

/** A `<dt>/<dd>` pair, or nothing when there is no value. */
function fact(label: string, value: string | undefined, code = true): SafeHtml | undefined {
  if (value === undefined || value === '') return undefined;
  return code ? html`<dt>${label}</dt><dd><code>${value}</code></dd>` : html`<dt>${label}</dt><dd>${value}</dd>`;
}

function jsonList(value: readonly string[] | null | undefined): string | undefined {
  return value == null ? undefined : JSON.stringify(value);
}

function factList(image: PlatformImage): SafeHtml[] {
  const config = image.config;
  const runtime = config.config ?? undefined;
  const ports = runtime?.ExposedPorts == null ? undefined : Object.keys(runtime.ExposedPorts).join(', ');
  return [
    fact('Manifest', image.digest),
    fact('Config', image.configDigest),
    fact('Describes', image.attests),
    fact('Created', config.created === undefined ? undefined : displayDate(config.created), false),
    fact('Docker version', config.docker_version, false),
    fact('Entrypoint', jsonList(runtime?.Entrypoint)),
    fact('Command', jsonList(runtime?.Cmd)),
    fact('Shell', jsonList(runtime?.Shell)),
    fact('Working directory', runtime?.WorkingDir),
    fact('User', runtime?.User),
    fact('Exposed ports', ports),
    fact('Stop signal', runtime?.StopSignal),
  ].filter((item): item is SafeHtml => item !== undefined);
}

function labelsTable(labels: Readonly<Record<string, string>> | null | undefined): SafeHtml | undefined {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return undefined;
  const rows = entries.map(([key, value]) => html`<tr><td><code>${key}</code></td><td><code>${value}</code></td></tr>`);
  return html`<table class="labels"><caption>Labels</caption><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function envList(env: readonly string[] | null | undefined): SafeHtml | undefined {
  if (env == null || env.length === 0) return undefined;
  return html`<h4>Environment</h4><pre class="env">${env.join('\n')}</pre>`;
}

function layerRow(layer: LayerInfo, index: number): SafeHtml {
  const where = layer.urls?.[0];
  return html`<tr><td class="num">${index + 1}</td><td><code>${layer.digest}</code>${where ? html`<div class="muted">foreign: <code>${where}</code></div>` : undefined}</td>${sizeCell(layer.size)}<td><code>${layer.mediaType}</code></td><td class="date">${layer.lastModified ?? ''}</td></tr>`;
}

function layersTable(image: PlatformImage): SafeHtml {
  const rows = image.layers.map(layerRow);
  return html`<table class="layers"><caption>Layers (${image.layers.length})</caption><thead><tr><th class="num">#</th><th>Digest</th><th class="num">Size</th><th>Media type</th><th>Last modified</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function historyTable(image: PlatformImage): SafeHtml {
  const history = image.config.history ?? [];
  if (history.length === 0) return html`<p class="muted">No build history.</p>`;
  const shell = image.config.config?.Shell;
  const rows = history.map(
    (entry) =>
      html`<tr><td class="date">${entry.created === undefined ? '' : displayDate(entry.created)}</td><td><pre>${dockerfileLines(entry.created_by, shell, 'current')}</pre></td><td>${entry.empty_layer ? '' : 'layer'}</td></tr>`,
  );
  return html`<table class="history"><caption>History (${history.length})</caption><thead><tr><th>Created</th><th>Step</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** One image of a tag: facts, labels, environment, layers and history. */
export function imageSection(image: PlatformImage, id: string): SafeHtml {
  const badge = image.kind === 'attestation' ? html`<span class="badge">attestation</span>` : undefined;
  return html`<section class="image" id="${id}">
<h3>${repoInfoPlatform(image.platform)}${badge}</h3>
<dl class="facts">${factList(image)}<dt>Compressed size</dt><dd title="${`${String(imageSize(image))} bytes`}">${formatBytes(imageSize(image))}</dd></dl>
${labelsTable(image.config.config?.Labels)}${envList(image.config.config?.Env)}${layersTable(image)}
${historyTable(image)}
</section>`;
}
