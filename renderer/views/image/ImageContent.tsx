import { useMemo, useState } from 'react';
import type { FoundTagReport } from '../../../shared/image/image-report';
import { buildPlatformChips, buildTagSummary, chooseDefaultChip, sharedLayerDigests } from '../../../shared/view-models';
import { useRememberRecent } from '../../hooks/use-recent';
import { formatRoute, type Route } from '../../router/routes';
import { replaceRoute } from '../../router/use-route';
import { HistoryDiff } from './HistoryDiff';
import { ImageHeader } from './ImageHeader';
import { LayersTable } from './LayersTable';
import { LayerTreemap } from './LayerTreemap';
import { PlatformChips } from './PlatformChips';
import { PlatformFacts } from './PlatformFacts';

/**
 * The browser can not tell which CPU it runs on, so the chip opened first is linux/amd64 when the
 * tag has it (else the first platform), as Docker Hub does.
 */
const HOST = { os: 'linux', architecture: 'amd64' } as const;

/** Everything about one found tag: header, platform switcher, facts, treemap, layers, history diff. */
export function ImageContent({ report, route }: { readonly report: FoundTagReport; readonly route: Extract<Route, { kind: 'image' }> }) {
  const summary = useMemo(() => buildTagSummary(report), [report]);
  const chips = useMemo(() => buildPlatformChips(report.images), [report]);
  const shared = useMemo(() => sharedLayerDigests(report.images), [report]);
  const chip = chips.find((candidate) => candidate.key === route.platform) ?? chooseDefaultChip(chips, HOST);
  const image = report.images.find((candidate) => candidate.digest === chip?.digest);
  const imageSummary = summary.images.find((candidate) => candidate.digest === chip?.digest);
  // The selection names its image, so switching platform drops it without an effect.
  const [selection, setSelection] = useState<{ readonly digest: string; readonly layerIndex: number }>();
  const selectedLayer = selection !== undefined && selection.digest === image?.digest ? selection.layerIndex : undefined;
  const selectLayer = (layerIndex: number, digest: string | undefined = image?.digest) => setSelection(digest === undefined ? undefined : { digest, layerIndex });
  useRememberRecent('image', route.reference, formatRoute({ kind: 'image', reference: route.reference }), true);

  const selectPlatform = (key: string) => replaceRoute({ kind: 'image', reference: route.reference, platform: key });
  const other = chips.find((candidate) => candidate.key !== chip?.key);

  return (
    <div className="page image-page">
      <ImageHeader report={report} summary={summary} reference={route.reference} compareHref={formatRoute({ kind: 'compare', reference: route.reference, platforms: chip === undefined ? [] : other === undefined ? [chip.key] : [chip.key, other.key] })} />
      <PlatformChips chips={chips} summaries={summary.images} selectedKey={chip?.key} onSelect={selectPlatform} />
      {image === undefined || imageSummary === undefined ? (
        <p className="empty-state">This tag lists no platform image (only attestations).</p>
      ) : (
        <>
          <div className="image-grid">
            <PlatformFacts summary={imageSummary} />
            <LayerTreemap image={image} images={report.images} chips={chips} sharedDigests={shared} selectedLayer={selectedLayer} onSelectLayer={selectLayer} onSelectPlatform={selectPlatform} />
          </div>
          <LayersTable image={image} sharedDigests={shared} selectedLayer={selectedLayer} onSelectLayer={(layerIndex) => selectLayer(layerIndex)} />
        </>
      )}
      {chips.length > 0 && <HistoryDiff report={report} chips={chips} />}
    </div>
  );
}
