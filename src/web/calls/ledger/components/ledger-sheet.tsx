import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../../domain/calls/labels';
import type { ClassCounts, LedgerPage } from '../../../../domain/calls/ledger.contract';
import { CLASS_MARKS, CLASS_ORDER, fmtDateTime } from '../format';
import { rt } from '../messages';

const COLUMNS = [
  ['number', 'ledger.col.number'],
  ['receivedAt', 'ledger.col.receivedAt'],
  ['channel', 'ledger.col.channel'],
  ['unit', 'ledger.col.unit'],
  ['caller', 'ledger.col.caller'],
  ['content', 'ledger.col.content'],
  ['class', 'ledger.col.class'],
  ['progress', 'ledger.col.progress'],
  ['recordedBy', 'ledger.col.recordedBy'],
  ['closeNumber', 'ledger.col.closeNumber'],
] as const;

/** One line of counts by class, each count tagged so the numbers can be read back (tests, screen readers). */
function Counts({ counts }: { counts: ClassCounts }) {
  return (
    <>
      {CLASS_ORDER.map((c) => (
        <span key={c} className="ledger-count" data-class={c} data-count={counts[c]}>
          {CLASS_LABELS[c]} {counts[c]}
        </span>
      ))}
      <span className="ledger-count ledger-count-total" data-class="total" data-count={counts.total}>
        {rt('ledger.sum')} {counts.total}
      </span>
    </>
  );
}

interface Props {
  page: LedgerPage;
  pageCount: number;
  projectName: string;
  period: string;
  /** The grand total, printed under the last page only. */
  grandTotal?: ClassCounts;
}

/** One page of the paper 《来电来访记录》: title block, bordered table, 本页小计 (CALL-10), and on the last page the total. */
export function LedgerSheet({ page, pageCount, projectName, period, grandTotal }: Props) {
  return (
    <section className="ledger-sheet" data-testid="ledger-page" data-page={page.page} aria-label={rt('ledger.pageOf', { n: page.page, m: pageCount })}>
      <header className="ledger-head">
        <h2 className="ledger-title">{rt('ledger.title')}</h2>
        <div className="ledger-meta">
          <span>{rt('ledger.project', { name: projectName })}</span>
          <span>{period}</span>
          <span className="ledger-page-no">{rt('ledger.pageOf', { n: page.page, m: pageCount })}</span>
        </div>
      </header>
      <table className="ledger-table">
        <colgroup>
          <col style={{ width: '12%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '4%' }} />
          <col style={{ width: '7.5%' }} />
          <col style={{ width: '7%' }} />
          <col />
          <col style={{ width: '4%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '12%' }} />
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(([k, label]) => (
              <th key={k} scope="col">
                {rt(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.id} className="ledger-row" data-class={r.class}>
              <td className="ledger-token">{r.number}</td>
              <td className="ledger-token">
                {/* the date and the time each whole, one above the other: never split mid-number */}
                {fmtDateTime(r.receivedAt).slice(0, 10)}
                <br />
                {fmtDateTime(r.receivedAt).slice(11)}
              </td>
              <td>{r.channel === 'phone' ? rt('ledger.phone') : rt('ledger.visit')}</td>
              <td className="ledger-token">{r.unitCode ?? ''}</td>
              <td>{r.callerName}</td>
              <td className="ledger-content">{r.content}</td>
              <td className="ledger-class" title={CLASS_LABELS[r.class]}>
                {CLASS_MARKS[r.class]}
              </td>
              <td>
                {CALL_STATUS_LABELS[r.status]}
                {r.progress && r.progress !== CALL_STATUS_LABELS[r.status] ? `：${r.progress}` : ''}
              </td>
              <td>{r.recordedByName}</td>
              <td className="ledger-token">{r.closeNumber ?? ''}</td>
            </tr>
          ))}
        </tbody>
        {/* A tbody, not a tfoot: Chromium repeats a tfoot on every printed fragment, and a subtotal must appear once. */}
        <tbody className="ledger-foot">
          <tr className="ledger-subtotal" data-testid="ledger-subtotal">
            <th scope="row" colSpan={2}>
              {rt('ledger.subtotal')}
            </th>
            <td colSpan={8}>
              <Counts counts={page.subtotal} />
            </td>
          </tr>
          {grandTotal && (
            <tr className="ledger-grand-total" data-testid="ledger-grand-total">
              <th scope="row" colSpan={2}>
                {rt('ledger.grandTotal')}
              </th>
              <td colSpan={8}>
                <Counts counts={grandTotal} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {/* The paper form's sign-off: who drew up the page and who checked it, by hand. */}
      <div className="ledger-sign" data-testid="ledger-sign">
        <span>{rt('ledger.preparedBy')}：</span>
        <span>{rt('ledger.checkedBy')}：</span>
        <span>{rt('ledger.signDate')}：</span>
      </div>
    </section>
  );
}
