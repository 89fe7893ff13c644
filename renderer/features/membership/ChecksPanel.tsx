// Every member's BPJS check in one table: result, next action, confirm or override with a reason,
// a manual entry of what P-Care showed elsewhere while BPJS is unreachable, the result sheet, and the
// statement form each outcome calls for ("Cetak formulir" per member; the DTKS statement for the family).
import { useState } from 'react';
import type { MemberCheck, Result } from '../../../common/contract/index';
import { FORM_OF_ACTION, NEXT_ACTIONS, type NextAction as Action, type StatementForm } from '../../../common/domain/membership';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { objectUrlOf } from '../../app/blobs';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';

type Manual = { status: 'active' | 'inactive' | 'not_found'; inactiveReason: 'arrears' | 'deceased' | 'other'; cardNo: string; note: string };

function DecisionCell({ c, run }: { c: MemberCheck; run(action: Action, reason: string): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action>(c.nextAction);
  const [reason, setReason] = useState('');
  if (c.decision)
    return (
      <div className="decision" data-testid="check-decision" data-overridden={c.decision.overridden}>
        {c.decision.overridden ? t.checks.overridden(c.decision.by, c.decision.reason) : t.checks.confirmed(c.decision.by)}
      </div>
    );
  if (c.status === 'unchecked') return null;
  return (
    <div className="decision">
      <button type="button" className="btn btn-secondary btn-sm" data-testid="check-confirm" onClick={() => void run(c.nextAction, '')}>{t.checks.confirm}</button>
      <button type="button" className="btn btn-ghost btn-sm" data-testid="check-override-open" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{t.checks.override}</button>
      {open ? (
        <div className="override-form">
          <select data-testid="check-override-action" value={action} aria-label={t.checks.override} onChange={(e) => setAction(e.target.value as Action)}>
            {NEXT_ACTIONS.map((a) => <option key={a} value={a}>{t.checks.actions[a]}</option>)}
          </select>
          <input data-testid="check-override-reason" placeholder={t.checks.overrideReason} aria-label={t.checks.overrideReason} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn btn-primary btn-sm" data-testid="check-override-save" onClick={() => void run(action, reason).then((ok) => ok && setOpen(false))}>{t.checks.overrideSave}</button>
        </div>
      ) : null}
    </div>
  );
}

/** "Cetak formulir" on a member's row when the outcome (as decided, else as proposed) calls for a form. */
function FormButton({ c, pending, print }: { c: MemberCheck; pending: boolean; print(form: StatementForm): void }) {
  const form = c.checkedAt ? FORM_OF_ACTION[c.decision?.action ?? c.nextAction] : null;
  if (!form) return null;
  return (
    <button type="button" className="btn btn-ghost btn-sm" data-testid="form-print" data-form={form} disabled={pending}
      title={t.checks.formTitles[form]} aria-label={t.checks.printFormLabel(t.checks.formTitles[form], c.name)} onClick={() => print(form)}>
      {t.checks.printForm}
    </button>
  );
}

function ManualForm({ save }: { save(m: Manual): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [m, setM] = useState<Manual>({ status: 'active', inactiveReason: 'arrears', cardNo: '', note: '' });
  if (!open) return <button type="button" className="btn btn-ghost btn-sm" data-testid="manual-open" onClick={() => setOpen(true)}>{t.checks.manual}</button>;
  return (
    <div className="manual-form" data-testid="manual-form" aria-label={t.checks.manualTitle}>
      <select data-testid="manual-status" value={m.status} aria-label={t.checks.manualStatus} onChange={(e) => setM({ ...m, status: e.target.value as Manual['status'] })}>
        {(['active', 'inactive', 'not_found'] as const).map((s) => <option key={s} value={s}>{t.checks.status[s]}</option>)}
      </select>
      {m.status === 'inactive' ? (
        <select data-testid="manual-reason" value={m.inactiveReason} aria-label={t.checks.manualReason} onChange={(e) => setM({ ...m, inactiveReason: e.target.value as Manual['inactiveReason'] })}>
          {(['arrears', 'deceased', 'other'] as const).map((r) => <option key={r} value={r}>{t.checks.reasons[r]}</option>)}
        </select>
      ) : null}
      <input data-testid="manual-card" placeholder={t.checks.cardNo} aria-label={t.checks.cardNo} value={m.cardNo} onChange={(e) => setM({ ...m, cardNo: e.target.value })} />
      <input data-testid="manual-note" placeholder={t.checks.note} aria-label={t.checks.note} value={m.note} onChange={(e) => setM({ ...m, note: e.target.value })} />
      <button type="button" className="btn btn-primary btn-sm" data-testid="manual-save" onClick={() => void save(m).then((ok) => ok && setOpen(false))}>{t.checks.manualSave}</button>
    </div>
  );
}

export function ChecksPanel({ ticketId, ready }: { ticketId: string; ready: boolean }) {
  const list = useLoad(() => api('membership.list', { ticketId }));
  const act = useAction();
  const [sheet, setSheet] = useState<{ name: string; url: string } | null>(null);
  const [formFile, setFormFile] = useState<{ name: string; url: string } | null>(null);
  useServerEvents((e) => {
    if (e.type === 'membership.changed' && e.ticketId === ticketId) void list.reload();
  });
  useOnEventsOpened(() => void list.reload());

  const apply = async (call: () => ReturnType<typeof api<'membership.list'>>) => {
    const r = await act.run(call);
    if (r.ok) list.setData(r.value);
    return r.ok;
  };
  const checkAll = () => apply(() => api('membership.checkFamily', { ticketId }));
  const decide = (nik: string) => (action: Action, reason: string) => apply(() => api('membership.decide', { ticketId, nik, action, reason }));
  const manual = (nik: string) => (m: Manual) =>
    apply(() => api('membership.recordManual', { ticketId, nik, status: m.status, inactiveReason: m.status === 'inactive' ? m.inactiveReason : undefined, cardNo: m.cardNo, note: m.note }));

  /** A PDF the host made, offered as a link in place of the previous one. */
  async function showPdf(
    call: () => Promise<Result<{ fileName: string; base64: string }>>,
    previous: { url: string } | null,
    show: (file: { name: string; url: string }) => void,
  ) {
    const r = await act.run(call);
    if (!r.ok) return;
    if (previous) URL.revokeObjectURL(previous.url);
    show({ name: r.value.fileName, url: objectUrlOf(r.value.base64) });
  }
  const printSheet = () => showPdf(() => api('membership.sheet', { ticketId }), sheet, setSheet);
  /** A statement form as a PDF to open or print, made by the host like the result sheet. */
  const printForm = (form: StatementForm, nik?: string) =>
    showPdf(() => api('membership.statementForm', { ticketId, form, ...(nik ? { nik } : {}) }), formFile, setFormFile);

  const checks = list.data?.checks ?? [];
  const anyChecked = checks.some((c) => c.checkedAt);
  /** The newest check shown: changes whenever a check, a manual entry or the retry lands. */
  const lastChecked = checks.reduce((m, c) => (c.checkedAt > m ? c.checkedAt : m), '');
  return (
    <div className="checks-panel" data-testid="checks-panel" data-state={act.pending ? 'checking' : list.state} data-last-checked={lastChecked}>
      <h4>{t.checks.title}</h4>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" data-testid="check-all" disabled={!ready || act.pending} onClick={() => void checkAll()}>
          {act.pending ? t.checks.checking : t.checks.checkAll}
        </button>
        {anyChecked ? (
          <button type="button" className="btn btn-secondary" data-testid="sheet-print" disabled={act.pending} onClick={() => void printSheet()}>{t.checks.print}</button>
        ) : null}
        {ready ? (
          <button type="button" className="btn btn-secondary" data-testid="form-print-dtks" disabled={act.pending} onClick={() => void printForm('dtks')}>{t.checks.printDtks}</button>
        ) : null}
        {!ready ? <span className="muted">{t.checks.saveFirst}</span> : null}
      </div>
      {sheet ? (
        <Notice testId="sheet-ready" tone="info">
          <a href={sheet.url} download={sheet.name} data-testid="sheet-link">{t.checks.printReady(sheet.name)}</a>
        </Notice>
      ) : null}
      {formFile ? (
        <Notice testId="form-ready" tone="info">
          <a href={formFile.url} download={formFile.name} data-testid="form-link">{t.checks.formReady(formFile.name)}</a>
        </Notice>
      ) : null}
      <ErrorAlert error={act.error ?? list.error} testId="checks-error" />
      {checks.length ? (
        <table className="checks-table" data-testid="checks-table">
          <colgroup><col style={{ width: '1.5rem' }} /><col style={{ width: '23%' }} /><col style={{ width: '20%' }} /><col style={{ width: '21%' }} /><col /></colgroup>
          <tbody>
            {checks.map((c) => (
              <tr key={c.nik} data-testid="check-row" data-nik={c.nik} data-status={c.status} data-action={c.nextAction} data-source={c.source} data-changed={c.changedByRetry}>
                <td>{c.position}</td>
                <td><div>{c.name}</div><div className="muted mono">{c.nik}</div></td>
                <td>
                  <span className={`badge check-${c.status}`} data-testid="check-status">{t.checks.status[c.status]}</span>
                  {c.source === 'manual' ? <div className="muted" data-testid="check-manual">{t.checks.manualBadge(c.checkedBy ?? '-', dateTime(c.checkedAt))}</div> : null}
                  {c.changedByRetry ? <div className="retried" data-testid="check-retried">{t.checks.retried}</div> : null}
                </td>
                <td className="check-detail">{[c.cardNo, c.participantName, c.className, c.checkedAt ? c.reason : t.checks.never].filter(Boolean).join(' · ')}</td>
                <td>
                  <div className="next-action" data-testid="check-action">{t.checks.actions[c.decision?.action ?? c.nextAction]}</div>
                  <DecisionCell c={c} run={decide(c.nik)} />
                  {c.status === 'unchecked' ? <ManualForm save={manual(c.nik)} /> : null}
                  <FormButton c={c} pending={act.pending} print={(form) => void printForm(form, c.nik)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {checks.some((c) => c.status === 'unchecked' && c.checkedAt) ? <p className="muted">{t.checks.pendingNote}</p> : null}
    </div>
  );
}
