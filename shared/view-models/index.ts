/**
 * View models: pure builders that turn the image model into exactly what each view renders.
 * Components call these (in `useMemo`) and only draw the result.
 */
export * from './attestations';
export * from './compare';
export * from './history-diff';
export type { HistoryStep, HistoryStepOptions } from './history-steps';
export * from './image-facts';
export * from './image-summary';
export * from './layer-history';
export * from './platform-chips';
export * from './tag-list';
export * from './treemap';
export type { HighlightedWord, WordChange } from './word-highlights';
