import { useState, type FormEvent } from 'react';
import type { Service, ServiceStep } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

const STEP_ROLES = ['satpam', 'resepsionis', 'petugas'] as const;

/** Minutes are kept as text while typing so a half-typed number is never replaced. */
interface StepDraft {
  key: number;
  name: string;
  role: ServiceStep['role'];
  minutes: string;
}

let nextKey = 1;
const draftOf = (s: ServiceStep): StepDraft => ({ key: nextKey++, name: s.name, role: s.role, minutes: String(s.mutuBakuMin) });

interface ServiceEditorProps {
  service: Service | null;
  onSaved(service: Service): void;
  onCancel(): void;
}

export function ServiceEditor({ service, onSaved, onCancel }: ServiceEditorProps) {
  const [code, setCode] = useState(service?.code ?? '');
  const [name, setName] = useState(service?.name ?? '');
  const [active, setActive] = useState(service?.active ?? true);
  const [steps, setSteps] = useState<StepDraft[]>(
    service ? service.steps.map(draftOf) : [{ key: nextKey++, name: '', role: 'resepsionis', minutes: '5' }],
  );
  const save = useAction();
  const fields = save.error?.fields ?? {};

  const patchStep = (key: number, patch: Partial<StepDraft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const moveUp = (i: number) =>
    setSteps((all) => (i === 0 ? all : [...all.slice(0, i - 1), all[i]!, all[i - 1]!, ...all.slice(i + 1)]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      ...(service ? { id: service.id } : {}),
      code,
      name,
      active,
      steps: steps.map((s, i) => ({ seq: i + 1, name: s.name, role: s.role, mutuBakuMin: Number.parseInt(s.minutes, 10) || 0 })),
    };
    const r = await save.run(() => api('services.save', input));
    if (r.ok) onSaved(r.value);
  }

  return (
    <form className="panel service-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="service-editor">
      <div className="form-grid">
        <Field label={t.admin.services.code} hint={t.admin.services.codeHint} testId="service-code" maxLength={1} value={code} onChange={(v) => setCode(v.toUpperCase())} error={fields.code} />
        <Field label={t.admin.services.name} testId="service-name" value={name} onChange={setName} error={fields.name} />
      </div>
      <label className="check">
        <input type="checkbox" data-testid="service-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t.admin.services.active}
      </label>
      <h3>{t.admin.services.steps}</h3>
      {fields.steps ? <small className="field-error">{fields.steps}</small> : null}
      <ol className="step-editor">
        {steps.map((s, i) => (
          <li key={s.key} data-testid={`step-row-${i + 1}`}>
            <Field label={t.admin.services.stepName} testId={`step-name-${i + 1}`} value={s.name} onChange={(v) => patchStep(s.key, { name: v })} error={fields[`steps.${i}.name`]} />
            <div className="field">
              <label htmlFor={`step-role-${s.key}`}>{t.admin.services.stepRole}</label>
              <select id={`step-role-${s.key}`} data-testid={`step-role-${i + 1}`} value={s.role} onChange={(e) => patchStep(s.key, { role: e.target.value as StepDraft['role'] })}>
                {STEP_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t.admin.services.stepMinutes} testId={`step-minutes-${i + 1}`} inputMode="numeric" value={s.minutes} onChange={(v) => patchStep(s.key, { minutes: v })} error={fields[`steps.${i}.mutuBakuMin`]} />
            <div className="step-row-actions">
              <button type="button" className="btn btn-ghost" disabled={i === 0} onClick={() => moveUp(i)} data-testid={`step-up-${i + 1}`}>
                {t.admin.services.moveUp}
              </button>
              <button type="button" className="btn btn-ghost" disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))} data-testid={`step-remove-${i + 1}`}>
                {t.admin.services.removeStep}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-secondary" data-testid="step-add" onClick={() => setSteps((all) => [...all, { key: nextKey++, name: '', role: 'petugas', minutes: '5' }])}>
        {t.admin.services.addStep}
      </button>
      <ErrorAlert error={save.error} testId="service-save-error" />
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="service-save" disabled={save.pending}>
          {t.app.save}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="service-cancel" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </FormActions>
    </form>
  );
}
