// A tiny hash router: the app is loaded from file:// in Electron, so routes live in location.hash.
import { useSyncExternalStore } from 'react';

import { ROUTES, type Route } from './routes';

export { ROUTES, type Route };

function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw === '' ? '/' : raw.split('?')[0] ?? '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: Route): void {
  if (currentPath() !== path) window.location.hash = `#${path}`;
}

export function isRoute(path: string): path is Route {
  return (ROUTES as readonly string[]).includes(path);
}
