import { useState } from 'react';
import { t } from '../../i18n/id';
import { Layout } from '../../components/Layout';
import { UsersPanel } from './UsersPanel';
import { DesksPanel } from './DesksPanel';
import { ServicesPanel } from './ServicesPanel';
import { QueueSettingsPanel } from './QueueSettingsPanel';
import { DevicesPanel } from './DevicesPanel';
import { NetworkPanel } from './NetworkPanel';
import { OfficePanel } from './OfficePanel';
import { DisplayPanel } from './DisplayPanel';
import { BackupPanel } from '../backup/BackupPanel';
import { backupStrings } from '../backup/strings';
import { BpjsPanel } from '../membership/BpjsPanel';
import { LettersAdmin } from '../letters/LettersAdmin';
import { DocumentsAdminPanel } from '../documents/DocumentsAdminPanel';
import { SyncPanel } from '../sync/SyncPanel';
import { syncStrings } from '../sync/strings';
import { DtksPanel } from '../dtks/DtksPanel';
import { dtksStrings } from '../dtks/strings';
import { HolidaysPanel } from '../followups/HolidaysPanel';
import { followupsStrings } from '../followups/strings';
import { SmtpPanel } from '../messages/SmtpPanel';
import { messagesStrings } from '../messages/strings';

const TABS = ['users', 'desks', 'services', 'queue', 'devices', 'network', 'display', 'office', 'backup', 'bpjs', 'letters', 'documents', 'sync', 'dtks', 'holidays', 'email'] as const;
type Tab = (typeof TABS)[number];

export function Admin() {
  const [tab, setTab] = useState<Tab>('users');
  // The page itself needs no data; each tab panel carries its own data-state.
  return (
    <Layout title={t.admin.title} testId="page-admin" state="ready" wide>
      <div className="tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab${tab === k ? ' active' : ''}`}
            data-testid={`admin-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {k === 'email' ? messagesStrings.smtp.tab : k === 'dtks' ? dtksStrings.tab : k === 'holidays' ? followupsStrings.holidays.tab : k === 'sync' ? syncStrings.tab : k === 'documents' ? t.adminDocuments.tab : k === 'letters' ? t.lettersAdmin.tab : k === 'backup' ? backupStrings.backup.tab : k === 'bpjs' ? t.bpjs.tab : t.admin.tabs[k]}
          </button>
        ))}
      </div>
      {tab === 'users' ? <UsersPanel /> : null}
      {tab === 'office' ? <OfficePanel /> : null}
      {tab === 'desks' ? <DesksPanel /> : null}
      {tab === 'services' ? <ServicesPanel /> : null}
      {tab === 'queue' ? <QueueSettingsPanel /> : null}
      {tab === 'devices' ? <DevicesPanel /> : null}
      {tab === 'network' ? <NetworkPanel /> : null}
      {tab === 'display' ? <DisplayPanel /> : null}
      {tab === 'backup' ? <BackupPanel /> : null}
      {tab === 'bpjs' ? <BpjsPanel /> : null}
      {tab === 'letters' ? <LettersAdmin /> : null}
      {tab === 'documents' ? <DocumentsAdminPanel /> : null}
      {tab === 'sync' ? <SyncPanel /> : null}
      {tab === 'dtks' ? <DtksPanel /> : null}
      {tab === 'holidays' ? <HolidaysPanel /> : null}
      {tab === 'email' ? <SmtpPanel /> : null}
    </Layout>
  );
}
