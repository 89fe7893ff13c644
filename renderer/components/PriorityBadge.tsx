import type { Priority } from '../../common/contract/index';
import { t } from '../i18n/id';

export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (!priority) return null;
  return (
    <span className={`badge badge-priority badge-${priority}`} data-testid="priority-badge" data-priority={priority}>
      {t.priorities[priority]}
    </span>
  );
}
