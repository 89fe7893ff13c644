import { describe, expect, it } from 'vitest';
import { parseDisplayEvent, reconnectDelayMs, recentByCounter } from '../../renderer/features/display/feed';

const call = (callId: string, label: string, counterNo: number, at: string) => ({ callId, label, counterNo, at });
const state = {
  officeName: 'Dinas Kesehatan Kota Contoh', timeZone: 'Asia/Jakarta',
  current: call('k3', 'A-003', 2, '2025-01-06T01:03:00.000Z'),
  recentByCounter: [
    { counterNo: 2, calls: [call('k1', 'A-001', 2, '2025-01-06T01:01:00.000Z'), call('k3', 'A-003', 2, '2025-01-06T01:03:00.000Z')] },
    { counterNo: 1, calls: [call('k2', 'B-001', 1, '2025-01-06T01:02:00.000Z')] },
  ],
};

describe('parseDisplayEvent', () => {
  it('accepts a well-formed event with and without an announcement', () => {
    const announce = state.current;
    expect(parseDisplayEvent(JSON.stringify({ type: 'display.state', state, announce }))).toEqual({ type: 'display.state', state, announce });
    expect(parseDisplayEvent(JSON.stringify({ type: 'display.state', state, announce: null }))?.announce).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['another event type', JSON.stringify({ type: 'queue.changed', state })],
    ['a state without office', JSON.stringify({ type: 'display.state', state: { ...state, officeName: undefined }, announce: null })],
    ['a malformed announcement', JSON.stringify({ type: 'display.state', state, announce: { label: 'A-001' } })],
  ])('ignores %s', (_, data) => {
    expect(parseDisplayEvent(data)).toBeNull();
  });

  it('ignores binary frames', () => {
    expect(parseDisplayEvent(new ArrayBuffer(4))).toBeNull();
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second up to fifteen, with bounded jitter', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => reconnectDelayMs(a, mid))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(reconnectDelayMs(0, () => 0)).toBe(800);
    expect(reconnectDelayMs(20, () => 0.999999)).toBeLessThanOrEqual(18000);
  });
});

describe('recentByCounter', () => {
  it('orders counters by number and calls newest first, at most the limit', () => {
    expect(recentByCounter(state)).toEqual([
      { counterNo: 1, labels: ['B-001'] },
      { counterNo: 2, labels: ['A-003', 'A-001'] },
    ]);
    expect(recentByCounter(state, 1)[1]).toEqual({ counterNo: 2, labels: ['A-003'] });
  });
});
