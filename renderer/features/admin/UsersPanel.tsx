// Staff accounts: create, change roles, deactivate, reset password.
import { useState, type FormEvent } from 'react';
import type { Role, User } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { RolePicker } from './RolePicker';
import { checkPassword, checkText, checkUsername, found, focusFirst } from '../auth/fieldCheck';

const NEW_USER = { username: '', fullName: '', password: '', roles: [] as Role[] };

export function UsersPanel() {
  const users = useLoad(() => api('users.list', {}));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="admin-panel" data-testid="admin-users" data-state={users.state}>
      <ErrorAlert error={users.error} testId="users-error" />
      <CreateUser
        onCreated={(u) => {
          setNotice(t.admin.users.created(u.username));
          void users.reload();
        }}
      />
      {notice ? <Notice testId="users-notice">{notice}</Notice> : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t.admin.users.username}</th>
            <th>{t.admin.users.fullName}</th>
            <th>{t.admin.users.roles}</th>
            <th>{t.admin.users.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) =>
            editing === u.id ? (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td colSpan={5}>
                  <EditUser
                    user={u}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      setNotice(t.admin.users.updated(saved.username));
                      void users.reload();
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={u.id} data-testid={`user-row-${u.username}`} className={u.active ? '' : 'row-inactive'}>
                <td>{u.username}</td>
                <td>{u.fullName}</td>
                <td>{u.roles.map((r) => t.roles[r]).join(', ')}</td>
                <td>{u.active ? t.admin.users.active : t.admin.users.inactive}</td>
                <td>
                  <button type="button" className="btn btn-ghost" data-testid={`user-edit-${u.username}`} onClick={() => setEditing(u.id)}>
                    {t.app.edit}
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}

function CreateUser({ onCreated }: { onCreated(user: User): void }) {
  const [form, setForm] = useState(NEW_USER);
  const [local, setLocal] = useState<Partial<Record<'username' | 'fullName' | 'password' | 'roles', string>>>({});
  const create = useAction();
  // The host's field messages, with this form's own one-pass check on top.
  const fields: Record<string, string | undefined> = { ...create.error?.fields, ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors = found({
      username: checkUsername(form.username, t.admin.users.username),
      fullName: checkText(form.fullName, t.admin.users.fullName, 2, 200),
      password: checkPassword(form.password, t.admin.users.password),
      roles: form.roles.length === 0 ? t.admin.users.pickRole : undefined,
    });
    setLocal(errors);
    focusFirst(errors, [['username', 'user-username'], ['fullName', 'user-full-name'], ['password', 'user-password']]);
    if (Object.keys(errors).length > 0) return;
    const r = await create.run(() => api('users.create', form));
    if (r.ok) {
      setForm(NEW_USER);
      onCreated(r.value);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate data-testid="user-create-form">
      <h2>{t.admin.users.create}</h2>
      <div className="form-grid">
        <Field mandatory label={t.admin.users.username} hint={t.setup.usernameHint} testId="user-username" autoCapitalize="none" autoComplete="off" value={form.username} onChange={(v) => setForm({ ...form, username: v })} error={fields.username} />
        <Field mandatory label={t.admin.users.fullName} testId="user-full-name" value={form.fullName} onChange={(v) => setForm({ ...form, fullName: v })} error={fields.fullName} />
        <Field mandatory label={t.admin.users.password} hint={t.setup.passwordHint} testId="user-password" type="password" autoComplete="new-password" value={form.password} onChange={(v) => setForm({ ...form, password: v })} error={fields.password} />
      </div>
      <RolePicker testPrefix="user" value={form.roles} onChange={(roles) => setForm({ ...form, roles })} error={fields.roles} />
      <ErrorAlert error={create.error} testId="user-create-error" />
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="user-create" disabled={create.pending}>
          {t.admin.users.submit}
        </button>
      </FormActions>
    </form>
  );
}

function EditUser({ user, onSaved, onCancel }: { user: User; onSaved(user: User): void; onCancel(): void }) {
  const [fullName, setFullName] = useState(user.fullName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState('');
  const save = useAction();
  const fields = save.error?.fields ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      userId: user.id,
      ...(fullName !== user.fullName ? { fullName } : {}),
      ...(roles.join() !== user.roles.join() ? { roles } : {}),
      ...(active !== user.active ? { active } : {}),
      ...(password !== '' ? { password } : {}),
    };
    const r = await save.run(() => api('users.update', input));
    if (r.ok) onSaved(r.value);
  }

  return (
    <form className="edit-user" onSubmit={(e) => void submit(e)} noValidate data-testid="user-edit-form">
      <div className="form-grid">
        <Field label={t.admin.users.fullName} testId="edit-full-name" value={fullName} onChange={setFullName} error={fields.fullName} />
        <Field label={t.admin.users.newPassword} testId="edit-password" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={fields.password} />
      </div>
      <RolePicker testPrefix="edit" value={roles} onChange={setRoles} error={fields.roles} />
      <label className="check">
        <input type="checkbox" data-testid="edit-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t.admin.users.active}
      </label>
      <ErrorAlert error={save.error} testId="user-edit-error" />
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="user-save" disabled={save.pending}>
          {t.app.save}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="user-edit-cancel" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </FormActions>
    </form>
  );
}
