import type { HistoryStyle } from '../../history/dockerfile-line';

/**
 * Which repo-info generation to reproduce (repo-info-format.md §9).
 *
 * `seed`: the 2017–2022 format of the seed reports, `-\tPlatforms:` with no count. `current`:
 * `-\tPlatforms: N` and the BuildKit history rules of §4.2. Everything else is the same.
 */
export type RepoInfoStyle = HistoryStyle;

/** Options of the repo-info renderers. */
export interface RepoInfoOptions {
  readonly style: RepoInfoStyle;
}
