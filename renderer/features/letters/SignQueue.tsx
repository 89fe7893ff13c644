// The signing official's queue: approved letters waiting for this official, as himself or under a
// delegation in force today; each shows the capacity it will be signed in.
import { t } from '../../i18n/id';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { openPdf, StepTimes } from './LetterPanel';
import './letters.css';

const tl = t.letters;

export function SignQueue() {
  const queue = useLoad(() => api('letters.signQueue', {}));
  useServerEvents((e) => e.type === 'letters.changed' && void queue.reload());
  useOnEventsOpened(() => void queue.reload());
  const act = useAction();
  return (
    <Layout title={tl.signTitle} testId="page-sign" state={queue.state} wide>
      <ErrorAlert error={act.error ?? queue.error} testId="sign-error" />
      {queue.data?.length === 0 ? <p className="muted" data-testid="sign-empty">{tl.noneToSign}</p> : null}
      <div className="sign-list">
        {queue.data?.map((l) => (
          <section key={l.id} className="panel" data-testid={`sign-${l.number}`}>
            <h2>
              {l.number} · {l.patientName}
            </h2>
            <p>
              {l.typeName} → {l.hospitalName}
            </p>
            <p data-testid="sign-as">
              {tl.signAs}: <strong>{l.signAs}</strong>
            </p>
            <StepTimes letter={l} />
            <div className="actions">
              <button type="button" className="btn btn-secondary" onClick={() => void openPdf(l.id)}>
                {tl.pdf}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="sign-submit"
                disabled={act.pending}
                onClick={async () => {
                  const r = await act.run(() => api('letters.sign', { id: l.id }));
                  if (r.ok) void queue.reload();
                }}
              >
                {tl.sign}
              </button>
            </div>
          </section>
        ))}
      </div>
    </Layout>
  );
}
