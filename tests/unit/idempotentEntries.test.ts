// The exactly-once rule (common/contract/core.ts, EntryFlags.idempotent): every entry whose call
// creates or moves something is idempotent and takes a requestId. A new entry named like one of
// these verbs fails here until it follows the rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, contract, type Entry } from '../../common/contract/index';

/** Call names that create or move something. Saving settings or a whole record is a set, not a
 *  create: sending it twice leaves the same state (office.save, network.save, …), except where a
 *  save creates a row, listed by name. */
const CREATES_OR_MOVES = /^queue\.(issue|call\w*|recall|skip|transfer|startStep|finishStep|endVisit|closeNoShow|addNote)$|\.create$|^cases\.save$/;

const entryOf = (name: string): Entry => (contract as Record<string, Entry>)[name]!;

describe('exactly-once entries', () => {
  const named = CALL_NAMES.filter((n) => CREATES_OR_MOVES.test(n));

  it('finds the calls the rule is about', () => {
    for (const n of ['queue.issue', 'queue.callNext', 'queue.callTicket', 'queue.callSkipped', 'queue.recall', 'queue.skip', 'queue.transfer',
      'queue.startStep', 'queue.finishStep', 'queue.endVisit', 'queue.closeNoShow', 'queue.addNote', 'cases.save', 'users.create', 'desks.create'])
      expect(named).toContain(n);
  });

  it.each(named)('%s is idempotent and takes a UUIDv7 requestId', (name) => {
    const e = entryOf(name);
    expect(e.idempotent).toBe(true);
    const shape = (e.input as z.ZodObject).shape as Record<string, z.ZodType>;
    expect(shape.requestId, `${name} input has requestId`).toBeDefined();
    expect(shape.requestId!.safeParse('0192f0c4-6a1e-7b3c-9d2e-4f5a6b7c8d9e').success).toBe(true);
    expect(shape.requestId!.safeParse('not-a-uuid').success).toBe(false);
    // a v4 id is not what the rule asks for
    expect(shape.requestId!.safeParse('0192f0c4-6a1e-4b3c-9d2e-4f5a6b7c8d9e').success).toBe(false);
  });

  it('flags only entries that take a requestId', () => {
    for (const name of CALL_NAMES) {
      const e = entryOf(name);
      if (!e.idempotent) continue;
      expect(((e.input as z.ZodObject).shape as Record<string, unknown>).requestId, name).toBeDefined();
    }
  });
});
