// Admin → Layar tunggu: the waiting-room TV's running text and the office's information it shows
// while nobody is being called.
import { useEffect, useState, type FormEvent } from 'react';
import { DISPLAY_TEXT_MAX } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

export function DisplayPanel() {
  const settings = useLoad(() => api('display.settings', {}));
  const [runningText, setRunningText] = useState<string | null>(null);
  const [infoText, setInfoText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  useEffect(() => {
    if (!settings.data) return;
    setRunningText((v) => v ?? settings.data!.runningText);
    setInfoText((v) => v ?? settings.data!.infoText);
  }, [settings.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await save.run(() => api('display.saveSettings', { runningText: runningText ?? '', infoText: infoText ?? '' }));
    if (r.ok) {
      setRunningText(r.value.runningText);
      setInfoText(r.value.infoText);
      setSaved(true);
    }
  }

  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setSaved(false);
  };
  const words = t.admin.display;
  return (
    <section className="admin-panel" data-testid="admin-display" data-state={settings.state}>
      <ErrorAlert error={settings.error} testId="display-settings-load-error" />
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{words.title}</h2>
        <p className="muted">{words.hint}</p>
        <Field
          label={words.runningText}
          testId="display-running-text"
          value={runningText ?? ''}
          onChange={edit(setRunningText)}
          hint={`${words.runningTextHint} ${words.count((runningText ?? '').length, DISPLAY_TEXT_MAX)}`}
          error={save.error?.fields?.runningText}
          multiline
        />
        <Field
          label={words.infoText}
          testId="display-info-text"
          value={infoText ?? ''}
          onChange={edit(setInfoText)}
          hint={`${words.infoTextHint} ${words.count((infoText ?? '').length, DISPLAY_TEXT_MAX)}`}
          error={save.error?.fields?.infoText}
          multiline
        />
        <ErrorAlert error={save.error} testId="display-settings-error" />
        {saved ? <Notice testId="display-settings-saved">{words.saved}</Notice> : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="display-settings-save" disabled={save.pending}>
            {t.app.save}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
