// The TV's grid (renderer/features/display/feed.ts): how many calls each counter column lists so
// that all of them fit, and when the board counts as idle.
import { describe, expect, it } from 'vitest';
import { boardLayout, IDLE_AFTER_MS, isIdle, MAX_ROWS } from '../../renderer/features/display/feed';

describe('boardLayout', () => {
  it('lists the last 10 calls side by side up to four counters', () => {
    for (const n of [1, 2, 3, 4]) expect(boardLayout(n)).toEqual({ rows: MAX_ROWS, columns: n, gridRows: 1 });
  });

  it('wraps more counters into two rows of columns with fewer calls each, never under 4', () => {
    expect(boardLayout(5)).toEqual({ rows: 8, columns: 3, gridRows: 2 });
    expect(boardLayout(8)).toEqual({ rows: 5, columns: 4, gridRows: 2 });
    expect(boardLayout(10)).toEqual({ rows: 4, columns: 5, gridRows: 2 });
    expect(boardLayout(20)).toEqual({ rows: 4, columns: 10, gridRows: 2 });
  });

  it('treats no counters yet as one empty column', () => {
    expect(boardLayout(0)).toEqual({ rows: MAX_ROWS, columns: 1, gridRows: 1 });
  });
});

describe('isIdle', () => {
  const at = '2026-11-25T01:00:00.000Z';
  const t0 = Date.parse(at);

  it('is idle with no call today, or once the last call is older than IDLE_AFTER_MS', () => {
    expect(isIdle(null, t0)).toBe(true);
    expect(isIdle({ at }, t0 + IDLE_AFTER_MS)).toBe(false);
    expect(isIdle({ at }, t0 + IDLE_AFTER_MS + 1)).toBe(true);
  });
});
