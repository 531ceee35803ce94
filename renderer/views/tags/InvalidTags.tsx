/**
 * Tags the registry listed that are not valid tag names: collapsed, as plain escaped text, never
 * links (they may be hostile: `../`, markup, control characters).
 */
export function InvalidTags({ tags }: { readonly tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <details className="invalid-tags" data-testid="invalid-tags">
      <summary>
        {tags.length.toLocaleString()} invalid {tags.length === 1 ? 'tag' : 'tags'} (not valid tag names, not openable)
      </summary>
      <ul>
        {tags.slice(0, 1000).map((tag, index) => (
          <li key={index}>
            <code>{JSON.stringify(tag)}</code>
          </li>
        ))}
      </ul>
      {tags.length > 1000 && <p className="muted">…and {(tags.length - 1000).toLocaleString()} more.</p>}
    </details>
  );
}
