import { QueueDesk } from '../queue/QueueDesk';

export function Petugas() {
  return <QueueDesk stage="petugas" />;
}
