import { t } from '../i18n/id';
import { navigate } from './router';
import { menuFor } from './routes';
import { useApp } from './state/app';
import { Layout } from '../components/Layout';
import { FollowupCountsBadge } from '../features/followups/MenuCounts';


export function Home() {
  const user = useApp((s) => s.user);
  const items = menuFor(user?.roles ?? []);
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
            {m.route === '/tindak-lanjut' ? <FollowupCountsBadge /> : null}
          </button>
        ))}
      </nav>
    </Layout>
  );
}
