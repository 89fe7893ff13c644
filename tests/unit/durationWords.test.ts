// The dashboard and desk screens write durations in words ("2 mnt 50 dtk"), never as 02:50, which a
// head of office reads as a time of day or as hours and minutes.
import { describe, expect, it } from 'vitest';
import { durationWords } from '../../renderer/app/format';

describe('durationWords', () => {
  it.each([
    [170, '2 mnt 50 dtk'],
    [45, '45 dtk'],
    [0, '0 dtk'],
    [60, '1 mnt'],
    [600, '10 mnt'],
    [3600, '1 jam'],
    [3900, '1 jam 5 mnt'],
    [3959, '1 jam 5 mnt'], // seconds are dropped once hours show
    [89.6, '1 mnt 30 dtk'], // whole seconds, rounded
    [-5, '0 dtk'],
  ])('%s s → %s', (sec, words) => {
    expect(durationWords(sec)).toBe(words);
  });

  it('shows a dash for no figure', () => {
    expect(durationWords(null)).toBe('–');
    expect(durationWords(Number.NaN)).toBe('–');
  });
});
