import type { FoundTagReport, PlatformImage } from '../../../shared/image/image-report';
import { parsePlatform, platformSatisfies } from '../../../shared/platform/platform';
import { buildPlatformChips, chooseDefaultChip, type PlatformChip } from '../../../shared/view-models';

/** One side of a comparison: the chip picked and its image. */
export interface ComparePick {
  readonly chip: PlatformChip;
  readonly image: PlatformImage;
  /** Every chip of that side's tag, for its platform picker. */
  readonly chips: readonly PlatformChip[];
}

const HOST = { os: 'linux', architecture: 'amd64' } as const;

/**
 * The chip for a platform text from the URL: the exact `data-platform` key, else the first chip the
 * text describes (`linux/arm64` finds `linux/arm64/v8`); undefined when none.
 */
export function findChip(chips: readonly PlatformChip[], wanted: string | undefined, except?: string): PlatformChip | undefined {
  if (wanted === undefined || wanted === '') return undefined;
  const candidates = chips.filter((chip) => chip.key !== except);
  const exact = candidates.find((chip) => chip.key === wanted);
  if (exact !== undefined) return exact;
  try {
    const spec = parsePlatform(wanted);
    return candidates.find((chip) => platformSatisfies(spec, chip.platform));
  } catch {
    return undefined;
  }
}

function pick(report: FoundTagReport, chips: readonly PlatformChip[], chip: PlatformChip | undefined): ComparePick | undefined {
  const image = chip === undefined ? undefined : report.images.find((candidate) => candidate.digest === chip.digest);
  return chip === undefined || image === undefined ? undefined : { chip, image, chips };
}

/**
 * The two images a compare route means.
 *
 * - One tag (`platforms=p1,p2`): p1 and p2 of it; without them, the default platform and the next
 *   one. A single-platform tag has no second side (the view asks for another tag).
 * - Two tags (`with=`): p1 of the first; p2 (or p1 again) of the second, else the platform of the
 *   first side if the second tag has it, else the second tag's default.
 */
export function pickSides(a: FoundTagReport, platforms: readonly string[], b?: FoundTagReport): { readonly a?: ComparePick; readonly b?: ComparePick } {
  const chipsA = buildPlatformChips(a.images);
  const chipA = findChip(chipsA, platforms[0]) ?? chooseDefaultChip(chipsA, HOST);
  const sideA = pick(a, chipsA, chipA);
  if (b === undefined) {
    const chipB = findChip(chipsA, platforms[1], chipA?.key) ?? chipsA.find((chip) => chip.key !== chipA?.key);
    return { ...(sideA === undefined ? {} : { a: sideA }), ...withSide(pick(a, chipsA, chipB)) };
  }
  const chipsB = buildPlatformChips(b.images);
  const chipB = findChip(chipsB, platforms[1]) ?? findChip(chipsB, platforms[0]) ?? (chipA === undefined ? undefined : findChip(chipsB, chipA.key)) ?? chooseDefaultChip(chipsB, HOST);
  return { ...(sideA === undefined ? {} : { a: sideA }), ...withSide(pick(b, chipsB, chipB)) };
}

function withSide(side: ComparePick | undefined): { readonly b?: ComparePick } {
  return side === undefined ? {} : { b: side };
}
