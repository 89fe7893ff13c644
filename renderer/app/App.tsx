import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { t } from '../i18n/id';
import { navigate, useRoute } from './router';
import { mayOpen, type GatePath, type StaffPath } from './routes';
import { useApp } from './state/app';
import { boot, gateFor } from './state/boot';
import { ErrorAlert } from '../components/Alert';
import { GateLayout, Layout } from '../components/Layout';
import { Setup } from '../features/auth/Setup';
import { Pair } from '../features/auth/Pair';
import { Login } from '../features/auth/Login';
import { Home } from './Home';
import { Satpam } from '../features/satpam/Satpam';
import { Resepsionis } from '../features/queue/Resepsionis';
import { Petugas } from '../features/queue/Petugas';
import { Admin } from '../features/admin/Admin';
import { Letters } from '../features/letters/Letters';
import { SignQueue } from '../features/letters/SignQueue';

// The waiting-room board is a public page with its own bundle (audio, big type); load it on demand.
const Display = lazy(() => import('../features/display/Display'));
// The dashboard carries the chart library: its own bundle, loaded when opened.
const FollowupBoard = lazy(() => import('../features/followups/Board'));
const Dashboard = lazy(() => import('../features/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
// The register carries the table and virtualiser libraries: its own bundle, loaded when opened.
const Register = lazy(() => import('../features/register/Register'));
// The visitor's phone page (#/v/<token>): public like the board, its own small bundle.
const VisitorPage = lazy(() => import('../features/visitor/VisitorPage'));

/** The page of each screen; who may open it is in routes.ts. */
const PAGES: Record<StaffPath, ComponentType> = {
  '/': Home,
  '/satpam': Satpam,
  '/resepsionis': Resepsionis,
  '/petugas': Petugas,
  '/admin': Admin,
  '/dashboard': Dashboard,
  '/tindak-lanjut': FollowupBoard,
  '/surat': Letters,
  '/tanda-tangan': SignQueue,
  '/register': Register,
};

const GATES: Record<GatePath, ComponentType> = { '/setup': Setup, '/pair': Pair, '/login': Login };

export function App() {
  const route = useRoute();
  if (route === '/display') {
    return (
      <Suspense fallback={<div className="page" data-testid="page-display" data-state="loading" />}>
        <Display />
      </Suspense>
    );
  }
  if (route.startsWith('/v/')) {
    return (
      <Suspense fallback={<div className="page" data-testid="page-visitor" data-state="loading" />}>
        <VisitorPage token={route.slice(3)} />
      </Suspense>
    );
  }
  return <StaffApp route={route} />;
}

function StaffApp({ route }: { route: string }) {
  const bootState = useApp((s) => s.boot);
  const bootError = useApp((s) => s.bootError);
  const configured = useApp((s) => s.configured);
  const deskPaired = useApp((s) => s.deskPaired);
  const user = useApp((s) => s.user);

  useEffect(() => {
    void boot();
  }, []);

  const gate = bootState === 'ready' ? gateFor(route, { configured, deskPaired, user }) : null;
  useEffect(() => {
    if (gate) navigate(gate);
  }, [gate]);

  if (bootState !== 'ready') {
    return (
      <GateLayout
        title={bootState === 'loading' ? t.app.connecting : t.connection.offline}
        testId="page-boot"
        state={bootState === 'loading' ? 'loading' : 'ready'}
        hideBanner
      >
        <ErrorAlert error={bootError} />
        {bootState === 'unreachable' ? (
          <button type="button" className="btn btn-primary" data-testid="boot-retry" onClick={() => void boot()}>
            {t.app.retry}
          </button>
        ) : null}
      </GateLayout>
    );
  }
  if (gate) return null;

  const Gate = GATES[route as GatePath];
  if (Gate) return <Gate />;

  const Page = PAGES[route as StaffPath];
  if (!Page) return <Message testId="page-not-found" text={t.app.notFound} />;
  if (!mayOpen(route, user?.roles ?? [])) return <Message testId="page-forbidden" text={t.app.noAccess} />;
  return (
    <Suspense fallback={<div className="page" data-testid="page-loading" data-state="loading" />}>
      <Page />
    </Suspense>
  );
}

function Message({ testId, text }: { testId: string; text: string }) {
  return (
    <Layout title={t.app.name} testId={testId} state="ready">
      <p className="lead">{text}</p>
    </Layout>
  );
}
