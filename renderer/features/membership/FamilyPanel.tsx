// The family on the visitor's KK, on the case screen: KK number, head, address and members (typed
// or picked from an earlier visit), each number with the area it names; then the BPJS check of
// every member at once (ChecksPanel). Birth dates are one text field each, typed dd-mm-yyyy as on
// the visitor form (no browser date picker), checked with the same rule and message.
import { useState } from 'react';
import type { AreaNote, Family, FamilyMember } from '../../../common/contract/index';
import { birthDateError, formatDayMonthYear, parseDayMonthYear } from '../../../common/domain/caseCheck';
import { RELATIONS, type Relation } from '../../../common/domain/membership';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { hostNow } from '../../app/state/app';
import { typeDayMonthYear } from '../queue/dayMonthYear';
import { ErrorAlert, Notice } from '../../components/Alert';
import { ChecksPanel } from './ChecksPanel';
import './membership.css';

const blank = (): FamilyMember => ({ nik: '', name: '', sex: null, birthDate: '', relation: 'anak', hasCard: false });
const EMPTY_AREA: AreaNote = { name: '', error: null, warning: null };

// A member's birthDate is the stored YYYY-MM-DD until someone types in the field, then the text as
// typed (dd-mm-yyyy); it goes back to YYYY-MM-DD when the family is saved.
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** What the host gets: YYYY-MM-DD or ''; null when the text is not a date. */
const birthIso = (v: string): string | null => (ISO_DAY.test(v) ? v : parseDayMonthYear(v));
/** The problem with the typed date, in Indonesian (null: none; empty is allowed). */
const birthProblem = (v: string): string | null => (ISO_DAY.test(v) ? null : birthDateError(v, new Date(hostNow())));

function AreaLine({ area, testId }: { area: AreaNote | undefined; testId: string }) {
  if (!area || (!area.name && !area.error && !area.warning)) return null;
  return (
    <div className={`area-line${area.error ? ' area-error' : area.warning ? ' area-warn' : ''}`} data-testid={testId}>
      {area.error ?? (area.warning ? `${area.name ? `${area.name} · ` : ''}${area.warning}` : area.name)}
    </div>
  );
}

export function FamilyPanel({ ticketId }: { ticketId: string }) {
  const loaded = useLoad(() => api('cases.family.get', { ticketId }));
  const [draft, setDraft] = useState<Family | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  /** Birth dates that are not dates, by member index, shown beside their field. */
  const [birthErrors, setBirthErrors] = useState<Record<number, string>>({});
  const save = useAction();
  const lookup = useAction();
  const family = draft ?? loaded.data;
  const stored = !!loaded.data?.stored && draft === null;

  // Functional: an area lookup answering after more typing must not undo that typing.
  const edit = (f: (x: Family) => Family) => {
    setDraft((d) => {
      const base = d ?? loaded.data;
      return base ? f(base) : d;
    });
    setNotice(null);
  };
  const setMember = (i: number, patch: Partial<FamilyMember>) =>
    edit((x) => ({ ...x, members: x.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));

  async function area(number: string, apply: (a: AreaNote) => void) {
    const r = await api('cases.area', { number });
    if (r.ok) apply(r.value);
  }

  async function pickEarlier() {
    if (!family) return;
    const r = await lookup.run(() => api('cases.family.lookup', { kk: family.kk }));
    if (!r.ok) return;
    if (!r.value) return setNotice(t.family.lookupNone);
    setDraft({ ...r.value, stored: false });
    setNotice(t.family.lookupDone(r.value.members.length));
  }

  const setBirthError = (i: number, message: string | null) =>
    setBirthErrors((e) => {
      if (!message) {
        if (!(i in e)) return e;
        const { [i]: _, ...rest } = e;
        return rest;
      }
      return { ...e, [i]: message };
    });

  async function submit() {
    if (!family) return;
    const { kk, address, headName } = family;
    const problems: Record<number, string> = {};
    family.members.forEach((m, i) => {
      const p = birthProblem(m.birthDate);
      if (p) problems[i] = p;
    });
    setBirthErrors(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.getElementById(`member-birth-${first}`)?.focus();
      return;
    }
    const members = family.members.map((m) => ({ ...m, birthDate: birthIso(m.birthDate) ?? '' }));
    const r = await save.run(() => api('cases.family.save', { ticketId, kk, address, headName, members }));
    if (!r.ok) return;
    setDraft(null);
    loaded.setData(r.value.family);
    setWarnings(r.value.warnings.map((w) => w.message));
    setNotice(t.family.saved);
  }

  const fieldError = (k: string) => save.error?.fields?.[k];
  /** A member's birth date problem: as typed (on leaving the field), else as the host refused it. */
  const birthError = (i: number) => birthErrors[i] ?? fieldError(`members.${i}.birthDate`);
  if (loaded.state === 'loading') return <section className="family-panel" data-testid="family-panel" data-state="loading" />;
  if (!family)
    return (
      <section className="family-panel" data-testid="family-panel" data-state="ready">
        <h3>{t.family.title}</h3>
        <p className="muted" data-testid="family-need-case">{t.family.needCase}</p>
      </section>
    );
  return (
    <section className="family-panel" data-testid="family-panel" data-state={save.pending ? 'saving' : 'ready'} data-stored={stored}>
      <h3>{t.family.title}</h3>
      <div className="family-head">
        <label className="field">
          {t.family.kk}
          <input data-testid="family-kk" inputMode="numeric" value={family.kk} aria-invalid={!!fieldError('kk') || undefined}
            onChange={(e) => edit((x) => ({ ...x, kk: e.target.value }))}
            onBlur={() => void area(family.kk, (a) => edit((x) => ({ ...x, kkArea: a })))} />
          <AreaLine area={family.kkArea} testId="family-kk-area" />
          {fieldError('kk') ? <span className="field-error" data-testid="family-kk-error">{fieldError('kk')}</span> : null}
        </label>
        <button type="button" className="btn btn-secondary btn-sm" data-testid="family-lookup" disabled={lookup.pending} onClick={() => void pickEarlier()}>
          {t.family.lookup}
        </button>
        <label className="field">
          {t.family.headName}
          <input data-testid="family-head" value={family.headName} onChange={(e) => edit((x) => ({ ...x, headName: e.target.value }))} />
          {fieldError('headName') ? <span className="field-error">{fieldError('headName')}</span> : null}
        </label>
        <label className="field family-address">
          {t.family.address}
          <input data-testid="family-address" value={family.address} onChange={(e) => edit((x) => ({ ...x, address: e.target.value }))} />
          {fieldError('address') ? <span className="field-error">{fieldError('address')}</span> : null}
        </label>
      </div>
      {!family.stored ? <p className="muted">{t.family.draftNote}</p> : null}
      <div className="family-members" data-testid="family-members" role="list" aria-label={t.family.members}>
        {family.members.map((m, i) => (
          <div key={i} className="member-row" role="listitem" data-testid="family-member" data-index={i}>
            <span className="member-no">{i + 1}</span>
            <div className="member-id">
              <input data-testid="member-nik" inputMode="numeric" placeholder={t.family.nik} value={m.nik} aria-label={`${t.family.nik} ${i + 1}`} aria-invalid={!!fieldError(`members.${i}.nik`) || undefined}
                onChange={(e) => setMember(i, { nik: e.target.value })}
                onBlur={() => void area(m.nik, (a) => edit((x) => ({ ...x, memberAreas: x.members.map((_, j) => (j === i ? a : x.memberAreas[j] ?? EMPTY_AREA)) })))} />
              <input data-testid="member-name" placeholder={t.family.name} value={m.name} aria-label={`${t.family.name} ${i + 1}`} onChange={(e) => setMember(i, { name: e.target.value })} />
            </div>
            <div className="member-more">
              <select data-testid="member-relation" value={m.relation} aria-label={`${t.family.relation} ${i + 1}`} onChange={(e) => setMember(i, { relation: e.target.value as Relation })}>
                {RELATIONS.map((r) => <option key={r} value={r}>{t.family.relations[r]}</option>)}
              </select>
              <select data-testid="member-sex" value={m.sex ?? ''} aria-label={`${t.family.sex} ${i + 1}`} onChange={(e) => setMember(i, { sex: (e.target.value || null) as FamilyMember['sex'] })}>
                <option value="">{t.family.sex}</option><option value="L">L</option><option value="P">P</option>
              </select>
              <span className="member-birth">
                <input type="text" id={`member-birth-${i}`} data-testid="member-birth" inputMode="numeric" autoComplete="off" placeholder={t.family.birthDatePlaceholder} title={t.family.birthDateHint}
                  value={formatDayMonthYear(m.birthDate)} aria-label={`${t.family.birthDate} ${i + 1}`}
                  aria-invalid={!!(birthError(i)) || undefined}
                  aria-describedby={birthError(i) ? `member-birth-error-${i}` : undefined}
                  onChange={(e) => {
                    setMember(i, { birthDate: typeDayMonthYear(e.target.value) });
                    setBirthError(i, null);
                  }}
                  onBlur={(e) => setBirthError(i, birthProblem(typeDayMonthYear(e.target.value)))} />
                {birthError(i) ? (
                  <span className="field-error" id={`member-birth-error-${i}`} data-testid="member-birth-error" role="alert">
                    {birthError(i)}
                  </span>
                ) : null}
              </span>
              <label className="member-card"><input type="checkbox" data-testid="member-card" checked={m.hasCard} onChange={(e) => setMember(i, { hasCard: e.target.checked })} /> {t.family.hasCard}</label>
              <button type="button" className="btn btn-ghost btn-sm" data-testid="member-remove" aria-label={t.family.removeLabel(i + 1)}
                onClick={() => {
                  edit((x) => ({ ...x, members: x.members.filter((_, j) => j !== i), memberAreas: x.memberAreas.filter((_, j) => j !== i) }));
                  // The rows below move up: their messages are found again on the next blur or save.
                  setBirthErrors({});
                }}>
                {t.family.remove}
              </button>
            </div>
            <div className="member-notes">
              <AreaLine area={family.memberAreas[i]} testId="member-area" />
              {fieldError(`members.${i}.nik`) ? <span className="field-error" data-testid="member-nik-error">{fieldError(`members.${i}.nik`)}</span> : null}
              {fieldError(`members.${i}.name`) ? <span className="field-error">{fieldError(`members.${i}.name`)}</span> : null}
            </div>
          </div>
        ))}
      </div>
      {fieldError('members') ? <p className="field-error" data-testid="family-members-error">{fieldError('members')}</p> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary btn-sm" data-testid="member-add" onClick={() => edit((x) => ({ ...x, members: [...x.members, blank()], memberAreas: [...x.memberAreas, EMPTY_AREA] }))}>
          {t.family.add}
        </button>
        <button type="button" className="btn btn-primary" data-testid="family-save" disabled={save.pending} onClick={() => void submit()}>
          {save.pending ? t.app.saving : t.family.save}
        </button>
        {draft !== null ? <span className="muted" data-testid="family-dirty">{t.family.notSaved}</span> : null}
      </div>
      <ErrorAlert error={save.error ?? lookup.error} testId="family-error" />
      {notice ? <Notice testId="family-notice" tone="info">{notice}</Notice> : null}
      {warnings.length ? <Notice testId="family-warnings" tone="warn">{warnings.join(' ')}</Notice> : null}
      <ChecksPanel ticketId={ticketId} ready={stored} />
    </section>
  );
}
