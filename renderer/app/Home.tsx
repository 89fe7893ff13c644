import type { Role } from '../../common/contract/index';
import { t } from '../i18n/id';
import { navigate, type Route } from './router';
import { useApp } from './state/app';
import { Layout } from '../components/Layout';

interface MenuItem {
  route: Route;
  label: string;
  roles: readonly Role[];
}

const MENU: MenuItem[] = [
  { route: '/satpam', label: t.home.satpam, roles: ['satpam', 'admin'] },
  { route: '/resepsionis', label: t.home.resepsionis, roles: ['resepsionis'] },
  { route: '/petugas', label: t.home.petugas, roles: ['petugas'] },
  { route: '/dashboard', label: t.home.dashboard, roles: ['admin', 'resepsionis', 'petugas'] },
  { route: '/admin', label: t.home.admin, roles: ['admin'] },
  { route: '/display', label: t.home.display, roles: ['satpam', 'resepsionis', 'petugas', 'admin'] },
];

export function Home() {
  const user = useApp((s) => s.user);
  const items = MENU.filter((m) => m.roles.some((r) => user?.roles.includes(r)));
  return (
    <Layout title={t.home.title} testId="page-home" state="ready" isMenu>
      <p className="lead">{t.home.greeting(user?.fullName ?? '')}</p>
      {items.length === 0 ? <p>{t.home.none}</p> : null}
      <nav className="menu-grid">
        {items.map((m) => (
          <button
            key={m.route}
            type="button"
            className="menu-tile"
            data-testid={`menu-${m.route.slice(1)}`}
            onClick={() => navigate(m.route)}
          >
            {m.label}
          </button>
        ))}
      </nav>
    </Layout>
  );
}
