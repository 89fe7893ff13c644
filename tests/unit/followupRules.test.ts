// The follow-up table: deadlines from the SOP and statuses that only move forward.
import { describe, expect, it } from 'vitest';
import { canMove, dueState, FOLLOWUP_KINDS, FOLLOWUP_RULES, nextStatus } from '../../common/domain/followups';

describe('follow-up table', () => {
  it('has the SOP deadlines in working days', () => {
    expect(FOLLOWUP_RULES.eid_print.workingDays).toBe(3);
    expect(FOLLOWUP_RULES.disdukcapil_registered.workingDays).toBe(0);
    expect(FOLLOWUP_RULES.disdukcapil_unregistered.workingDays).toBe(1);
    expect(FOLLOWUP_RULES.disdukcapil_recording.workingDays).toBe(4);
    expect(FOLLOWUP_RULES.emergency_grace.workingDays).toBe(7);
    expect(FOLLOWUP_RULES.kis_handover.workingDays).toBe(3);
    expect(FOLLOWUP_RULES.disdukcapil_recording.path).toContain('bpjs_told');
  });

  it('every path starts open and ends done', () => {
    for (const k of FOLLOWUP_KINDS) {
      expect(FOLLOWUP_RULES[k].path[0]).toBe('open');
      expect(FOLLOWUP_RULES[k].path.at(-1)).toBe('done');
    }
  });

  it('moves only forward; closed is final', () => {
    expect(nextStatus('eid_print', 'open')).toBe('sent');
    expect(nextStatus('disdukcapil_recording', 'answered')).toBe('bpjs_told');
    expect(canMove('eid_print', 'sent', 'open')).toBe(false);
    expect(canMove('eid_print', 'open', 'done')).toBe(true);
    expect(canMove('eid_print', 'answered', 'cancelled')).toBe(true);
    expect(canMove('eid_print', 'done', 'cancelled')).toBe(false);
    expect(nextStatus('eid_print', 'done')).toBeNull();
    expect(canMove('kis_handover', 'open', 'bpjs_told')).toBe(false); // not on its path
  });

  it('says where a deadline stands', () => {
    expect(dueState('2026-11-26', '2026-11-27', 'open')).toBe('overdue');
    expect(dueState('2026-11-27', '2026-11-27', 'sent')).toBe('today');
    expect(dueState('2026-11-30', '2026-11-27', 'open')).toBe('later');
    expect(dueState('2026-11-20', '2026-11-27', 'done')).toBe('closed');
  });
});
