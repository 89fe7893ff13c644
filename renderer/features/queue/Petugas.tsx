import { QueueDesk } from './QueueDesk';

export function Petugas() {
  return <QueueDesk stage="petugas" />;
}
