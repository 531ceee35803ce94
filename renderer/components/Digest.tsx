import { shortDigest } from '../lib/short-digest';
import { CopyButton } from './CopyButton';

/** A digest in its short form, the full value on hover and behind a copy button. */
export function Digest({ digest, copy = true, full = false }: { readonly digest: string; readonly copy?: boolean; readonly full?: boolean }) {
  return (
    <span className="digest">
      <code title={digest}>{full ? digest : shortDigest(digest)}</code>
      {copy && <CopyButton text={digest} label="Copy" title={`Copy ${digest}`} />}
    </span>
  );
}
