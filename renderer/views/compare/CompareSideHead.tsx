import { formatBytes } from '../../../shared/format/size';
import type { ComparisonSide } from '../../../shared/view-models';
import { Digest } from '../../components/Digest';
import { formatRoute } from '../../router/routes';
import type { ComparePick } from './pick-sides';

/** One column head of the comparison: which image, a platform picker, its size and layer count. */
export function CompareSideHead({ side, facts, reference, label, onPlatform }: { readonly side: ComparePick; readonly facts: ComparisonSide; readonly reference: string; readonly label: string; readonly onPlatform: (key: string) => void }) {
  return (
    <div className="compare-side">
      <p className="side-label">{label}</p>
      <h2 className="mono">
        <a href={formatRoute({ kind: 'image', reference, platform: side.chip.key })}>{reference}</a>
      </h2>
      <label className="field inline">
        <span>Platform</span>
        <select value={side.chip.key} onChange={(event) => onPlatform(event.target.value)} data-testid={`compare-platform-${label.toLowerCase()}`}>
          {side.chips.map((chip) => (
            <option key={chip.key} value={chip.key}>
              {chip.label}
            </option>
          ))}
        </select>
      </label>
      <dl className="facts-list compact">
        <div className="fact">
          <dt>Compressed size</dt>
          <dd title={`${String(facts.sizeBytes)} bytes`}>
            <strong>{formatBytes(facts.sizeBytes)}</strong>
          </dd>
        </div>
        <div className="fact">
          <dt>Layers</dt>
          <dd>{facts.layerCount}</dd>
        </div>
        <div className="fact">
          <dt>Manifest</dt>
          <dd>
            <Digest digest={facts.digest} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
