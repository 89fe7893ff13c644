// newId: UUIDv7 from a pool of random bytes; still valid, unique and in the order it was made.
import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from '../../main/platform/context';

describe('newId', () => {
  it('makes valid, unique UUIDv7s that sort in the order they were made, past many pool refills', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 50)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The time field is now, to the millisecond.
    const ms = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5_000);
  });

  it('takes different random bits for each id', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1_000);
  });
});
