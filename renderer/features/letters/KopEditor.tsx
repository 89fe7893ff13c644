// Admin → Surat, the letterhead (kop) and the page: regional emblem, the PEMERINTAH … line, the
// office's name (printed in bold capitals), address, telephone, e-mail, website, a closing line;
// the place before the date, paper A4/F4, font, size and margins, and the QR code's address.
// Everything is checked before sending and every wrong field is shown at once.
import { useEffect, useRef, useState } from 'react';
import type { LetterSettings } from '../../../common/contract/index';
import { IMAGE_MAX_CHARS, letterSettingsProblems, type LetterSettingsInput } from '../../../common/contract/letters';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { problemsError, readImage } from './formProblems';

const ta = t.lettersAdmin;
const MARGINS = ['top', 'right', 'bottom', 'left'] as const;
type Margin = (typeof MARGINS)[number];
const MARGIN_LABEL: Record<Margin, string> = { top: ta.marginTop, right: ta.marginRight, bottom: ta.marginBottom, left: ta.marginLeft };

type KopForm = Omit<LetterSettings, 'fontSize' | 'marginsMm'> & { fontSize: string; marginsMm: Record<Margin, string> };
type TextKey = 'government' | 'officeName' | 'address' | 'officePhone' | 'email' | 'website' | 'closingLine' | 'place' | 'verifyBaseUrl';

const LABELS: Record<string, string> = {
  government: ta.government, officeName: ta.officeName, address: ta.address, officePhone: ta.phone, email: ta.email, website: ta.website,
  closingLine: ta.closingLine, emblem: ta.emblem, place: ta.place, paper: ta.paper, font: ta.font, fontSize: ta.fontSize, verifyBaseUrl: ta.verifyBaseUrl,
  ...Object.fromEntries(MARGINS.map((m) => [`marginsMm.${m}`, `${ta.margins}: ${MARGIN_LABEL[m].toLowerCase()}`])),
};

const toForm = (s: LetterSettings): KopForm => ({
  ...s,
  fontSize: String(s.fontSize),
  marginsMm: { top: String(s.marginsMm.top), right: String(s.marginsMm.right), bottom: String(s.marginsMm.bottom), left: String(s.marginsMm.left) },
});
/** A typed number ("12,5" as well); blank or not a number is NaN, which the check reports. */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.trim().replace(',', '.')));
const toInput = (f: KopForm): LetterSettingsInput => ({
  ...f,
  fontSize: num(f.fontSize),
  marginsMm: { top: num(f.marginsMm.top), right: num(f.marginsMm.right), bottom: num(f.marginsMm.bottom), left: num(f.marginsMm.left) },
});

/** The kop as the letter prints it, roughly: emblem left, lines centred, the office in bold capitals. */
function KopPreview({ f }: { f: KopForm }) {
  const contact = [f.officePhone && `Telepon ${f.officePhone}`, f.email && `Pos-el ${f.email}`, f.website && `Laman ${f.website}`].filter(Boolean).join('  ·  ');
  return (
    <figure className="kop-preview" data-testid="kop-preview" style={{ fontFamily: f.font === 'Times' ? 'Times New Roman, serif' : 'Helvetica, Arial, sans-serif' }}>
      <figcaption>{ta.kopPreview}</figcaption>
      <div className="kop-preview-head">
        {f.emblem ? <img src={f.emblem} alt="" /> : <span />}
        <div>
          <div>{f.government.toLocaleUpperCase('id-ID')}</div>
          <div className="kop-office">{f.officeName.toLocaleUpperCase('id-ID')}</div>
          <div className="kop-small">{f.address}</div>
          {contact ? <div className="kop-small">{contact}</div> : null}
          {f.closingLine ? <div className="kop-small">{f.closingLine}</div> : null}
        </div>
        <span />
      </div>
      <hr />
    </figure>
  );
}

export function KopEditor({ settings, onSaved }: { settings: LetterSettings; onSaved(): void }) {
  const save = useAction();
  const [f, setF] = useState<KopForm>(() => toForm(settings));
  const [saved, setSaved] = useState(false);
  // Another section's save reloads the setup: keep unsaved kop edits unless the kop itself changed.
  const loaded = useRef(JSON.stringify(settings));
  useEffect(() => {
    const now = JSON.stringify(settings);
    if (now === loaded.current) return;
    loaded.current = now;
    setF(toForm(settings));
  }, [settings]);
  const change = (patch: Partial<KopForm>) => {
    setF((x) => ({ ...x, ...patch }));
    setSaved(false);
  };
  const err = (k: string) => save.error?.fields?.[k];
  const text = (k: TextKey, opts: { mandatory?: boolean; limit?: number; hint?: string } = {}) => (
    <Field label={LABELS[k]!} value={f[k]} onChange={(v) => change({ [k]: v } as Partial<KopForm>)} testId={`kop-${k}`} error={err(k)} {...opts} />
  );
  const image = async (file: File | undefined) => {
    if (!file) return;
    const url = await readImage(file);
    // Too big to send at all: say so here instead of a refused request.
    if (url.length > IMAGE_MAX_CHARS) save.setError(problemsError({ emblem: ta.imageTooBig }, LABELS));
    else change({ emblem: url });
  };
  async function submit() {
    setSaved(false);
    const input = toInput(f);
    const local = problemsError(letterSettingsProblems(input), LABELS);
    if (local) return save.setError(local);
    const r = await save.run(() => api('letters.saveSettings', input));
    if (r.ok) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <section className="panel kop-editor" data-testid="kop-editor">
      <h2>{ta.kop}</h2>
      <p className="muted">{ta.kopHint}</p>
      <KopPreview f={f} />
      <label className={`field${err('emblem') ? ' field-invalid' : ''}`}>{ta.emblem}
        <input type="file" accept="image/png,image/jpeg" data-testid="kop-emblem" onChange={(e) => void image(e.target.files?.[0])} />
        {err('emblem') ? <small className="field-error" data-testid="kop-emblem-error">{err('emblem')}</small> : null}
      </label>
      {f.emblem ? (
        <p><img src={f.emblem} alt="" style={{ maxHeight: 64 }} /> <button type="button" className="btn btn-secondary" data-testid="kop-emblem-remove" onClick={() => change({ emblem: null })}>{ta.emblemRemove}</button></p>
      ) : null}
      {text('government', { mandatory: true, limit: 200 })}
      {text('officeName', { mandatory: true, limit: 200 })}
      {text('address', { mandatory: true, limit: 300 })}
      {text('officePhone', { limit: 100 })}
      {text('email', { limit: 100 })}
      {text('website', { limit: 100 })}
      {text('closingLine', { limit: 200 })}
      <h3>{ta.page}</h3>
      {text('place', { mandatory: true, limit: 100 })}
      <label className={`field${err('paper') ? ' field-invalid' : ''}`}>{ta.paper}
        <select data-testid="kop-paper" value={f.paper} onChange={(e) => change({ paper: e.target.value as LetterSettings['paper'] })}>
          <option value="A4">A4 (210 × 297 mm)</option>
          <option value="F4">F4 (215 × 330 mm)</option>
        </select>
        {err('paper') ? <small className="field-error">{err('paper')}</small> : null}
      </label>
      <label className={`field${err('font') ? ' field-invalid' : ''}`}>{ta.font}
        <select data-testid="kop-font" value={f.font} onChange={(e) => change({ font: e.target.value as LetterSettings['font'] })}>
          <option value="Helvetica">Helvetica</option>
          <option value="Times">Times</option>
        </select>
        {err('font') ? <small className="field-error">{err('font')}</small> : null}
      </label>
      <Field label={ta.fontSize} value={f.fontSize} onChange={(v) => change({ fontSize: v })} testId="kop-fontSize" inputMode="numeric" error={err('fontSize')} hint="9–14" />
      <fieldset className="kop-margins">
        <legend>{ta.margins}</legend>
        {MARGINS.map((m) => (
          <Field key={m} label={MARGIN_LABEL[m]} value={f.marginsMm[m]} onChange={(v) => change({ marginsMm: { ...f.marginsMm, [m]: v } })} testId={`kop-margin-${m}`} inputMode="decimal" error={err(`marginsMm.${m}`)} hint="5–50" />
        ))}
      </fieldset>
      {text('verifyBaseUrl', { mandatory: true, limit: 200 })}
      <ErrorAlert error={save.error} testId="kop-error" />
      <button type="button" className="btn btn-primary" data-testid="kop-save" disabled={save.pending} onClick={() => void submit()}>{t.app.save}</button>
      {saved ? <Notice testId="kop-saved">{ta.saved}</Notice> : null}
    </section>
  );
}
