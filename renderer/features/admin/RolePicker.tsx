import { ROLES, type Role } from '../../../common/contract/index';
import { t } from '../../i18n/id';

export function RolePicker({ value, onChange, testPrefix, error }: { value: Role[]; onChange(roles: Role[]): void; testPrefix: string; error?: string | undefined }) {
  return (
    <fieldset className={`role-picker${error ? ' field-invalid' : ''}`}>
      <legend>{t.admin.users.roles}</legend>
      <div className="checks">
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              data-testid={`${testPrefix}-role-${r}`}
              checked={value.includes(r)}
              onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))}
            />
            {t.roles[r]}
          </label>
        ))}
      </div>
      {error ? <small className="field-error" data-testid={`${testPrefix}-roles-error`}>{error}</small> : null}
    </fieldset>
  );
}
