/**
 * A progress bar: determinate when `total` is known, else an indeterminate stripe. The label is the
 * text assistive tech reads.
 */
export function ProgressBar({ done, total, label }: { readonly done: number; readonly total?: number; readonly label: string }) {
  const known = total !== undefined && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <span
      className={known ? 'progress' : 'progress indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={known ? `${String(done)} of ${String(total)}` : `${String(done)} so far`}
    >
      <span className="progress-fill" style={percent === undefined ? undefined : { width: `${String(percent)}%` }} />
    </span>
  );
}
