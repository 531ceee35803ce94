import { useState } from 'react';
import type { NamedValue } from '../../shared/view-models';

/** Show this many rows before "show all": labels of some images run to dozens. */
const FOLD_AT = 12;

/** Env or Labels as a two-column table of text (never markup), folded when long. */
export function NamedValues({ title, values, empty }: { readonly title: string; readonly values: readonly NamedValue[]; readonly empty: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? values : values.slice(0, FOLD_AT);
  return (
    <div className="named-values">
      <h3>
        {title} <span className="muted">({values.length})</span>
      </h3>
      {values.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className="kv-table">
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.name}>
                <th scope="row">
                  <code>{entry.name}</code>
                </th>
                <td>
                  <code className="wrap">{entry.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {values.length > FOLD_AT && (
        <button type="button" className="link-button" onClick={() => setAll((value) => !value)}>
          {all ? 'Show fewer' : `Show all ${String(values.length)}`}
        </button>
      )}
    </div>
  );
}
