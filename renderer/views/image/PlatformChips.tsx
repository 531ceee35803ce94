import { useRef, type KeyboardEvent } from 'react';
import { formatBytes } from '../../../shared/format/size';
import type { AttestationKind, ImageSummary, PlatformChip } from '../../../shared/view-models';

const KIND_LABEL: { readonly [K in AttestationKind]: string } = { provenance: 'provenance', sbom: 'SBOM', other: 'attestation' };

/**
 * The platform switcher: one chip per platform image (`platform-chip`, `data-platform`), never one
 * for an attestation manifest; those are badges on the chip of the image they describe. A radio
 * group: ←/→ (or ↑/↓) switch, one tab stop.
 */
export function PlatformChips({ chips, summaries, selectedKey, onSelect }: { readonly chips: readonly PlatformChip[]; readonly summaries: readonly ImageSummary[]; readonly selectedKey: string | undefined; readonly onSelect: (key: string) => void }) {
  const group = useRef<HTMLDivElement>(null);
  const at = chips.findIndex((chip) => chip.key === selectedKey);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || chips.length === 0) return;
    event.preventDefault();
    const next = chips[(Math.max(0, at) + step + chips.length) % chips.length];
    if (next === undefined) return;
    onSelect(next.key);
    // Focus follows selection, as in a radio group; the chip re-renders with the same key.
    requestAnimationFrame(() => group.current?.querySelector<HTMLButtonElement>(`[data-platform="${CSS.escape(next.key)}"]`)?.focus());
  };
  return (
    <div ref={group} className="chips" role="radiogroup" aria-label="Platform" onKeyDown={onKeyDown}>
      {chips.map((chip) => {
        const selected = chip.key === selectedKey;
        const badges = summaries.find((summary) => summary.digest === chip.digest)?.attestations ?? [];
        const kinds = [...new Set(badges.flatMap((badge) => (badge.kinds.length === 0 ? (['other'] as const) : badge.kinds)))];
        return (
          <button
            key={chip.key}
            type="button"
            role="radio"
            aria-checked={selected}
            tabIndex={selected || (at < 0 && chip === chips[0]) ? 0 : -1}
            className={selected ? 'chip selected' : 'chip'}
            data-testid="platform-chip"
            data-platform={chip.key}
            title={`${chip.key}\n${chip.digest}`}
            onClick={() => onSelect(chip.key)}
          >
            <span className="chip-label">{chip.label}</span>
            <span className="chip-size">{formatBytes(chip.sizeBytes)}</span>
            {kinds.map((kind) => (
              <span key={kind} className={`att-badge att-${kind}`} data-testid="attestation-badge" title={badges.map((badge) => `${badge.predicateTypes.join(', ') || 'attestation'}\n${badge.digest}`).join('\n\n')}>
                {KIND_LABEL[kind]}
              </span>
            ))}
          </button>
        );
      })}
    </div>
  );
}
