/**
 * Grey placeholders in the shape of what is loading, so the page does not jump when data arrives.
 * `aria-hidden`: the busy region around them says "loading" once.
 */
export function Skeleton({ width, height = 14, className }: { readonly width?: number | string; readonly height?: number | string; readonly className?: string }) {
  return <span className={className === undefined ? 'skeleton' : `skeleton ${className}`} style={{ width, height }} aria-hidden="true" />;
}

/** `count` lines of skeleton text with slightly varied widths. */
export function SkeletonLines({ count, height = 14 }: { readonly count: number; readonly height?: number }) {
  return (
    <span className="skeleton-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} width={`${String(92 - ((i * 37) % 40))}%`} />
      ))}
    </span>
  );
}
