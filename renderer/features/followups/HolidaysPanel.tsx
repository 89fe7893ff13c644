// Admin → Hari libur: the shipped official list for a year, with the office's additions and the
// official days the office works on.
import { useEffect, useState, type FormEvent } from 'react';
import { longDate } from '../../app/format';
import { useAction, useHostNow, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { followupsStrings } from './strings';

const s = followupsStrings.holidays;

export function HolidaysPanel() {
  const nowMs = useHostNow(60_000);
  const [year, setYear] = useState(new Date(nowMs).getFullYear());
  const list = useLoad(() => api('holidays.list', { year }));
  const act = useAction();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await act.run(() => api('holidays.add', { day, name }));
    if (r.ok) {
      setDay('');
      setName('');
      void list.reload();
    }
  }
  async function remove(d: string) {
    const r = await act.run(() => api('holidays.remove', { day: d }));
    if (r.ok) void list.reload();
  }
  async function restore(d: string, n: string) {
    const r = await act.run(() => api('holidays.add', { day: d, name: n }));
    if (r.ok) void list.reload();
  }
  useEffect(() => void list.reload(), [year]); // eslint-disable-line react-hooks/exhaustive-deps
  const changeYear = (y: number) => setYear(y);

  return (
    <section className="admin-panel" data-testid="admin-holidays" data-state={list.state}>
      <div className="panel">
        <div className="panel-head">
          <h2>{s.title(year)}</h2>
          <div>
            <button type="button" className="btn btn-ghost" data-testid="holidays-prev" onClick={() => changeYear(year - 1)}>‹ {year - 1}</button>
            <button type="button" className="btn btn-ghost" data-testid="holidays-next" onClick={() => changeYear(year + 1)}>{year + 1} ›</button>
          </div>
        </div>
        <p className="muted">{s.hint}</p>
        {list.data?.officialListMissing ? <Notice tone="warn" testId="holidays-missing">{s.missing(year)}</Notice> : null}
        <ErrorAlert error={list.error ?? act.error} testId="holidays-error" />
        <table className="table table-flat" data-testid="holidays-list">
          <thead>
            <tr>
              <th>{s.day}</th>
              <th>{s.name}</th>
              <th>{s.kindCol}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list.data?.rows ?? []).map((r) => (
              <tr key={r.day} data-testid="holiday-row" data-day={r.day} className={r.source === 'removed' ? 'muted' : undefined}>
                <td>{longDate(r.day)}</td>
                <td>{r.name}</td>
                <td>{r.source === 'removed' ? s.removed : s.kinds[r.kind]}</td>
                <td className="actions">
                  {r.source === 'removed' ? (
                    <button type="button" className="btn btn-ghost" disabled={act.pending} onClick={() => void restore(r.day, r.name)}>{s.restore}</button>
                  ) : (
                    <button type="button" className="btn btn-ghost" disabled={act.pending} data-testid="holiday-remove" onClick={() => void remove(r.day)}>{s.remove}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="panel" onSubmit={(e) => void add(e)}>
        <h2>{s.add}</h2>
        <Field label={s.day} value={day} onChange={setDay} testId="holiday-day" type="date" mandatory />
        <Field label={s.name} value={name} onChange={setName} testId="holiday-name" mandatory limit={120} />
        <button type="submit" className="btn btn-primary" disabled={act.pending || !day || !name.trim()} data-testid="holiday-add">{s.add}</button>
      </form>
    </section>
  );
}
