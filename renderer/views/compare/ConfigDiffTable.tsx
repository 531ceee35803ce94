import { useState } from 'react';
import type { ConfigDifferenceRow, ConfigDifferenceStatus } from '../../../shared/view-models';
import { Toggle } from '../../components/Toggle';

const STATUS_TEXT: { readonly [S in ConfigDifferenceStatus]: string } = { same: 'same', changed: 'differs', 'only-a': 'only left', 'only-b': 'only right' };

/** Config fields side by side (platform, runtime, Env, Labels); only differences by default. */
export function ConfigDiffTable({ rows, labelA, labelB }: { readonly rows: readonly ConfigDifferenceRow[]; readonly labelA: string; readonly labelB: string }) {
  const [all, setAll] = useState(false);
  const differing = rows.filter((row) => row.status !== 'same');
  const shown = all ? rows : differing;
  return (
    <section className="panel" aria-labelledby="config-diff-heading">
      <div className="panel-head">
        <h2 id="config-diff-heading">Config differences</h2>
        <span className="muted">
          {differing.length} of {rows.length} fields differ
        </span>
        <span className="spacer" />
        <Toggle pressed={all} onChange={setAll}>
          Show equal fields too
        </Toggle>
      </div>
      {shown.length === 0 ? (
        <p className="muted">The configs agree on every field.</p>
      ) : (
        <div className="table-scroll">
          <table className="config-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{labelA}</th>
                <th scope="col">{labelB}</th>
                <th scope="col">
                  <span className="visually-hidden">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} className={`config-row status-${row.status}`} data-status={row.status}>
                  <th scope="row">
                    <span className="muted small">{row.group}</span> <code>{row.name}</code>
                  </th>
                  <td>{row.a === undefined ? <span className="muted">unset</span> : <code className="wrap">{row.a}</code>}</td>
                  <td>{row.b === undefined ? <span className="muted">unset</span> : <code className="wrap">{row.b}</code>}</td>
                  <td className="small muted">{STATUS_TEXT[row.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
