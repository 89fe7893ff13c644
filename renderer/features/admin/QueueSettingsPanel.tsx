import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

export function QueueSettingsPanel() {
  // The contract has no settings getter; the board carries the ratio in force.
  const board = useLoad(() => api('queue.board', { stage: 'resepsionis' }));
  const [ratio, setRatio] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useAction();

  const current = board.data?.priorityRatio;
  useEffect(() => {
    if (current !== undefined) setRatio((r) => (r === '' ? String(current) : r));
  }, [current]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await save.run(() => api('settings.queue', { priorityRatio: Number.parseInt(ratio, 10) }));
    if (r.ok) {
      setRatio(String(r.value.priorityRatio));
      setSaved(true);
    }
  }

  return (
    <section className="admin-panel" data-testid="admin-queue" data-state={board.state}>
      <ErrorAlert error={board.error} testId="queue-settings-load-error" />
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t.admin.queue.title}</h2>
        <p className="muted">{t.admin.queue.hint}</p>
        <Field label={t.admin.queue.ratio} testId="priority-ratio-input" inputMode="numeric" value={ratio} onChange={(v) => { setRatio(v); setSaved(false); }} error={save.error?.fields?.priorityRatio} />
        <ErrorAlert error={save.error} testId="queue-settings-error" />
        {saved ? <Notice testId="queue-settings-saved">{t.admin.queue.saved}</Notice> : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="priority-ratio-save" disabled={save.pending}>
            {t.app.save}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
