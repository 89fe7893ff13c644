// The layer rules of design.md as dependency-cruiser rules, checked on the real module graph
// (TypeScript resolution through tsconfig.node.json) by tests/unit/boundaries.test.ts, which also
// proves on tests/fixtures/boundaries/ that every rule reports a break. The CLI works as well:
//   npx depcruise --config .dependency-cruiser.cjs common main renderer preload scripts tests bench
//
// Paths are relative to the folder being cruised; npm packages are matched as `node_modules/<name>/`
// anywhere in a resolved path so the fixture tree (which resolves packages from the repo's
// node_modules, two levels up) is judged by the same rules.

/**
 * Where each npm dependency of package.json may run. Every entry of `dependencies` and
 * `devDependencies` must be listed (the boundaries test fails otherwise):
 *  - renderer: browser code only (never loaded by main/)
 *  - node:     the host / Electron main process only (never loaded by renderer/, preload/, common/)
 *  - both:     plain JavaScript that runs anywhere
 *  - dev:      build tools, type packages and tests; no application code imports it, except
 *              `electron`, which the Electron runtime provides to main/app/electron.ts and preload/
 *
 * @type {Record<string, 'renderer' | 'node' | 'both' | 'dev'>}
 */
const packageRuntimes = {
  '@fastify/static': 'node',
  '@fastify/websocket': 'node',
  '@node-rs/argon2': 'node',
  '@peculiar/x509': 'node',
  // The letters register: headless table and virtualised rows (renderer only).
  '@tanstack/react-table': 'renderer',
  '@tanstack/react-virtual': 'renderer',
  'better-sqlite3': 'node',
  'date-fns': 'both',
  // DTKS import (Dinas Sosial's .xlsx/.csv), read with the streaming reader on a worker thread.
  exceljs: 'node',
  fastify: 'node',
  // Kemendagri's area codes: the host reads the package's CSV files (NIK/KK area names).
  'idn-area-data': 'node',
  // exceljs's own zip library: the monthly recap adds its chart (exceljs writes no charts).
  jszip: 'node',
  kysely: 'node',
  // BPJS bridging responses are LZ-String compressed (client in the host, and the simulator).
  'lz-string': 'node',
  // Messages out: statement forms e-mailed to the BPJS branch through the office's SMTP account.
  nodemailer: 'node',
  pdfmake: 'node',
  // Scans: multi-page documents kept as one PDF (documents feature).
  'pdf-lib': 'node',
  // Windows printing: the SumatraPDF it ships prints letters and PDF tickets (devices feature).
  'pdf-to-printer': 'node',
  react: 'renderer',
  'react-dom': 'renderer',
  // Scans and photos: EXIF orientation, grey JPEG, thumbnails (documents feature, on job workers).
  sharp: 'node',
  // recharts' peer: the React 19 build of react-is, so recharts reads React 19 elements right.
  'react-is': 'renderer',
  // The dashboard's charts (SVG, no eval: fits the CSP); loaded with the lazy dashboard bundle.
  recharts: 'renderer',
  uuid: 'both',
  ws: 'node',
  zod: 'both',
  zustand: 'renderer',

  '@playwright/test': 'dev',
  '@types/better-sqlite3': 'dev',
  '@types/node': 'dev',
  '@types/nodemailer': 'dev',
  '@types/pdfmake': 'dev',
  '@types/react': 'dev',
  '@types/smtp-server': 'dev',
  '@types/react-dom': 'dev',
  '@types/ws': 'dev',
  '@vitejs/plugin-react': 'dev',
  'dependency-cruiser': 'dev',
  electron: 'dev',
  'electron-builder': 'dev',
  esbuild: 'dev',
  // A real SMTP server on 127.0.0.1 for the e-mail tests.
  'smtp-server': 'dev',
  // Reads the e-mails the SMTP tests receive.
  mailparser: 'dev',
  '@types/mailparser': 'dev',
  typescript: 'dev',
  vite: 'dev',
  vitest: 'dev',
  yaml: 'dev',
};

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A resolved path inside one of these packages (also matches a nested node_modules copy). */
const inPackages = (names) => `(^|/)node_modules/(${names.map(escape).join('|')})/`;
const withRuntime = (...runtimes) => Object.keys(packageRuntimes).filter((name) => runtimes.includes(packageRuntimes[name]));

const ZOD = '(^|/)node_modules/zod/';
const ELECTRON = '(^|/)node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'common-imports-only-zod',
      comment: 'common/ is shared by the renderer, the preload, the host and a future server: zod and itself only.',
      severity: 'error',
      from: { path: '^common/' },
      to: { pathNot: [`^common/`, ZOD] },
    },
    {
      name: 'domain-is-pure',
      comment: 'common/domain/ is pure logic: no I/O, so nothing but zod and common/ (the clock check is in the test).',
      severity: 'error',
      from: { path: '^common/domain/' },
      to: { pathNot: [`^common/`, ZOD] },
    },
    {
      name: 'renderer-imports-only-common',
      comment: 'The UI reaches the host only through common/contract; it may use its own browser packages.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^common/', `(^|/)node_modules/(${withRuntime('renderer', 'both').map(escape).join('|')})/`] },
    },
    {
      name: 'preload-imports-only-common',
      comment: 'The sandboxed preload bundles common/ and talks to Electron, nothing else.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { pathNot: ['^preload/', '^common/', ELECTRON] },
    },
    {
      name: 'platform-not-features',
      comment: 'main/platform/ is what features build on; it never reaches up into a feature.',
      severity: 'error',
      from: { path: '^main/platform/' },
      to: { path: '^main/features/' },
    },
    {
      name: 'features-through-index',
      comment: 'A feature uses another feature only through that feature\'s index.ts.',
      severity: 'error',
      from: { path: '^main/features/([^/]+)/' },
      to: { path: '^main/features/[^/]+/', pathNot: ['^main/features/$1/', '^main/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'main-not-renderer',
      comment: 'The host serves the built renderer from out/; it never imports its source.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'electron-only-in-entry-and-preload',
      comment: 'Only the Electron entry and the preload load Electron; the host runs headless under plain Node.',
      severity: 'error',
      from: { pathNot: '^(main/app/electron\\.ts|preload/.*|scripts/start\\.mjs)$' },
      to: { path: ELECTRON },
    },
    {
      name: 'ui-no-node-builtins',
      comment: 'renderer/, preload/ and common/ run where Node is not available.',
      severity: 'error',
      from: { path: '^(renderer|preload|common)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ui-no-node-packages',
      comment: 'renderer/, preload/ and common/ never load a package classified as node (packageRuntimes).',
      severity: 'error',
      from: { path: '^(renderer|preload|common)/' },
      to: { path: inPackages(withRuntime('node')) },
    },
    {
      name: 'main-no-renderer-packages',
      comment: 'main/ never loads a package classified as renderer (packageRuntimes).',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: inPackages(withRuntime('renderer')) },
    },
    {
      name: 'app-no-dev-packages',
      comment: 'Application code never loads a tool or test package (electron is covered by its own rule).',
      severity: 'error',
      from: { path: '^(common|main|renderer|preload)/' },
      to: { path: inPackages(withRuntime('dev').filter((name) => name !== 'electron')) },
    },
    {
      name: 'server-imports-only-common',
      comment: 'server/ is its own workspace: its own files, common/ and its own packages (server/package.json), never the desk app.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(main|renderer|preload|scripts|tests|bench)/' },
    },
    {
      name: 'app-not-server',
      comment: 'Nothing the office installer ships imports the central server (tests may start it).',
      severity: 'error',
      from: { path: '^(common|main|renderer|preload)/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^(out|dist|test-results|playwright-report)/|^tests/fixtures/' },
    // See `import type` too: a type from main/ in the renderer is still a layering break.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

module.exports = config;
// Not part of dependency-cruiser's configuration schema, so not enumerable: the CLI ignores it.
Object.defineProperty(module.exports, 'packageRuntimes', { value: packageRuntimes, enumerable: false });
