// The numbered SQL migrations, part of the code: each migrations/NNN_name.sql is imported as text
// (`?raw`: Vite/Vitest natively, scripts/build.mjs's esbuild plugin for out/main), so the built
// host and the packaged app carry their schema and never look for a migrations/ folder on disk.
// A new file in migrations/ must be added here as well; tests/integration/migrations.test.ts fails
// until it is.
import foundation from '../../../migrations/001_foundation.sql?raw';
import officeTimeZone from '../../../migrations/002_office_time_zone.sql?raw';

export interface MigrationSource {
  /** The file name in migrations/, e.g. `001_foundation.sql`; its number is the migration's id. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly MigrationSource[] = [
  { name: '001_foundation.sql', sql: foundation },
  { name: '002_office_time_zone.sql', sql: officeTimeZone },
];
