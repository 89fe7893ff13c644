// Services and their SOP steps (name, who does it, mutu baku minutes).
import { useState } from 'react';
import type { Service } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { ServiceEditor } from './ServiceEditor';

export function ServicesPanel() {
  const services = useLoad(() => api('services.list', {}));
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="admin-panel" data-testid="admin-services" data-state={services.state}>
      <ErrorAlert error={services.error} testId="services-error" />
      {notice ? <Notice testId="services-notice">{notice}</Notice> : null}
      {editing ? (
        <ServiceEditor
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setNotice(t.admin.services.saved(s.code));
            void services.reload();
          }}
        />
      ) : (
        <button type="button" className="btn btn-primary" data-testid="service-add" onClick={() => setEditing('new')}>
          {t.admin.services.add}
        </button>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t.admin.services.code}</th>
            <th>{t.admin.services.name}</th>
            <th>{t.admin.services.steps}</th>
            <th>{t.admin.users.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(services.data ?? []).map((s) => (
            <tr key={s.id} data-testid={`service-row-${s.code}`} className={s.active ? '' : 'row-inactive'}>
              <td className="code">{s.code}</td>
              <td>{s.name}</td>
              <td>{t.admin.services.stepsCount(s.steps.length)}</td>
              <td>{s.active ? t.admin.users.active : t.admin.users.inactive}</td>
              <td>
                <button type="button" className="btn btn-ghost" data-testid={`service-edit-${s.code}`} onClick={() => setEditing(s)}>
                  {t.app.edit}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
