import { useRecentItems } from '../../hooks/use-recent';
import { formatRelative } from '../../lib/dates';

const KIND_LABEL = { repo: 'tags', image: 'image', compare: 'compare' } as const;

/** Recently opened places, newest first, each removable. */
export function RecentList() {
  const { items, remove } = useRecentItems();
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent</h2>
      {items.length === 0 ? (
        <p className="muted">Repositories and images you open appear here.</p>
      ) : (
        <ul className="recent-list">
          {items.map((item) => (
            <li key={item.href} className="recent-item">
              <span className={`kind kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
              <a href={item.href} className="recent-link" title={item.reference}>
                {item.reference}
              </a>
              <span className="muted small" title={item.at}>
                {formatRelative(item.at)}
              </span>
              <button type="button" className="icon-button" aria-label={`Remove ${item.reference} from recent`} title="Remove" onClick={() => remove(item.href)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
