// The numbered SQL migrations, part of the code: each migrations/NNN_name.sql is imported as text
// (`?raw`: Vite/Vitest natively, scripts/build.mjs's esbuild plugin for out/main), so the built
// host and the packaged app carry their schema and never look for a migrations/ folder on disk.
// A new file in migrations/ must be added here as well; tests/integration/migrations.test.ts fails
// until it is.
import foundation from '../../../migrations/001_foundation.sql?raw';
import officeTimeZone from '../../../migrations/002_office_time_zone.sql?raw';
import transfersKeepNumbering from '../../../migrations/003_transfers_keep_numbering.sql?raw';
import desksServicesPairing from '../../../migrations/005_desks_services_pairing.sql?raw';
import visitorLinks from '../../../migrations/006_visitor_links.sql?raw';
import familyMembership from '../../../migrations/007_family_membership.sql?raw';
import dtksFollowups from '../../../migrations/008_dtks_followups.sql?raw';
import documents from '../../../migrations/009_documents.sql?raw';
import lettersRegister from '../../../migrations/010_letters_register.sql?raw';
import sync from '../../../migrations/012_sync.sql?raw';
import followupsReopenAfterCancel from '../../../migrations/013_followups_reopen_after_cancel.sql?raw';
import documentInbox from '../../../migrations/014_document_inbox.sql?raw';
import glossarySeededNames from '../../../migrations/016_glossary_seeded_names.sql?raw';

export interface MigrationSource {
  /** The file name in migrations/, e.g. `001_foundation.sql`; its number is the migration's id. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly MigrationSource[] = [
  { name: '001_foundation.sql', sql: foundation },
  { name: '002_office_time_zone.sql', sql: officeTimeZone },
  { name: '003_transfers_keep_numbering.sql', sql: transfersKeepNumbering },
  { name: '005_desks_services_pairing.sql', sql: desksServicesPairing },
  { name: '006_visitor_links.sql', sql: visitorLinks },
  { name: '007_family_membership.sql', sql: familyMembership },
  { name: '008_dtks_followups.sql', sql: dtksFollowups },
  { name: '009_documents.sql', sql: documents },
  { name: '010_letters_register.sql', sql: lettersRegister },
  { name: '012_sync.sql', sql: sync },
  { name: '013_followups_reopen_after_cancel.sql', sql: followupsReopenAfterCancel },
  { name: '014_document_inbox.sql', sql: documentInbox },
  { name: '016_glossary_seeded_names.sql', sql: glossarySeededNames },
];
