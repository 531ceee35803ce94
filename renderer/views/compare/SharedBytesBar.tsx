import { formatBytes } from '../../../shared/format/size';
import type { ImageComparison } from '../../../shared/view-models';

/**
 * One bar for both images: bytes only A has, bytes both have (pulled once), bytes only B has. What
 * pulling B costs when A is already there is the right-hand part.
 */
export function SharedBytesBar({ comparison, labelA, labelB }: { readonly comparison: ImageComparison; readonly labelA: string; readonly labelB: string }) {
  const { a, b, sharedBytes, sharedLayerCount } = comparison;
  const total = a.uniqueBytes + sharedBytes + b.uniqueBytes;
  const percent = (bytes: number) => (total === 0 ? 0 : (bytes / total) * 100);
  const parts = [
    { key: 'a', className: 'part-a', bytes: a.uniqueBytes, label: `only ${labelA}`, layers: a.uniqueLayerCount },
    { key: 'shared', className: 'part-shared', bytes: sharedBytes, label: 'shared', layers: sharedLayerCount },
    { key: 'b', className: 'part-b', bytes: b.uniqueBytes, label: `only ${labelB}`, layers: b.uniqueLayerCount },
  ];
  return (
    <div className="shared-bar-block" data-testid="shared-bytes">
      <div className="shared-bar" role="img" aria-label={parts.map((part) => `${part.label}: ${formatBytes(part.bytes)}`).join(', ')}>
        {parts.map((part) => (
          <span key={part.key} className={part.className} style={{ width: `${String(percent(part.bytes))}%` }} title={`${part.label}: ${formatBytes(part.bytes)} in ${String(part.layers)} layer(s)`} />
        ))}
      </div>
      <ul className="shared-legend">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`swatch ${part.className}`} /> {part.label}: <strong>{formatBytes(part.bytes)}</strong> <span className="muted">({part.layers} {part.layers === 1 ? 'layer' : 'layers'}, {Math.round(percent(part.bytes))}%)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
