// The dashboard's figures for any office day (issue 8): the scripted morning of tests/helpers/morning.ts
// (a transfer, a no-show, two cancellations, implausibly quick steps, three counters, five officers),
// checked exactly; then the same day read back as a past day after the office clock moved on.
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { FIRST_RUN, PASSWORD } from '../helpers/factories';
import { runMorning, wib } from '../helpers/morning';

const DAY = '2026-11-25';

describe('stats.day', () => {
  it('counts a morning per step of its own service, per desk, per officer and per hour, today and as a past day', async () => {
    const h = inProcessHost(wib(DAY, 7, 30));
    const { tokens, deskToken } = await h.setup();
    // petugas2 works at a third counter; petugas1 and resep2 share counter 2, resep1 and satpam1 counter 1.
    const desk3 = await h.ok('desks.create', { name: 'Loket 3', counterNo: 3 }, tokens.admin);
    tokens.petugas2 = (await h.ok('auth.login', { deskToken: desk3.deskToken, username: 'petugas2', password: PASSWORD })).sessionToken;

    await runMorning(h.ok, { satpam1: tokens.satpam1!, resep1: tokens.resep1!, resep2: tokens.resep2!, petugas1: tokens.petugas1!, petugas2: tokens.petugas2! }, DAY, h.setTime);

    const expected = {
      day: '2026-11-25',
      issued: 7, done: 3, cancelled: 2, noShow: 1, open: 1,
      cancelledByReason: { pergi: 1, salah_layanan: 1, lainnya: 0 },
      // Per visitor, every wait for a step: V1 90 + 120, V2 60 + 235, V3 60 + 0 + 360, V5 60.
      waitAvgSec: 246, // 985 / 4
      waitP90Sec: 420,
      // 14 finished steps; not within: V4's 3 s and V2's 5 s (implausible), V2's 13 min at the petugas.
      withinMutuBakuPct: 78.6,
      implausibleCount: 2,
      arrivalsByHour: [
        { hour: 8, issued: 4 }, { hour: 9, issued: 2 }, { hour: 10, issued: 1 },
        ...[11, 12, 13, 14, 15].map((hour) => ({ hour, issued: 0 })),
      ],
      desks: [
        // V1's and V3's greetings and V3's typing.
        { counterNo: 1, calls: 3, visitors: 2, steps: 3, serviceMedianSec: 90, withinMutuBakuPct: 100, implausibleCount: 0 },
        // petugas1's V1 and V3, resep2's 5 s greeting; V4 was called there too.
        { counterNo: 2, calls: 4, visitors: 3, steps: 3, serviceMedianSec: 300, withinMutuBakuPct: 66.7, implausibleCount: 1 },
        { counterNo: 3, calls: 1, visitors: 1, steps: 1, serviceMedianSec: 780, withinMutuBakuPct: 0, implausibleCount: 0 },
      ],
      officers: [
        { fullName: 'SATPAM1', roles: ['satpam'], visitors: 7, steps: 7, serviceMedianSec: 60, withinMutuBakuPct: 85.7, implausibleCount: 1 },
        { fullName: 'RESEP1', roles: ['resepsionis'], visitors: 2, steps: 3, serviceMedianSec: 90, withinMutuBakuPct: 100, implausibleCount: 0 },
        { fullName: 'RESEP2', roles: ['resepsionis'], visitors: 1, steps: 1, serviceMedianSec: 5, withinMutuBakuPct: 0, implausibleCount: 1 },
        { fullName: 'PETUGAS1', roles: ['petugas'], visitors: 2, steps: 2, serviceMedianSec: 330, withinMutuBakuPct: 100, implausibleCount: 0 },
        { fullName: 'PETUGAS2', roles: ['petugas'], visitors: 1, steps: 1, serviceMedianSec: 780, withinMutuBakuPct: 0, implausibleCount: 0 },
      ],
    };
    const checkSteps = (steps: { serviceCode: string; seq: number }[]) => {
      const row = (code: string, seq: number) => steps.filter((s) => s.serviceCode === code && s.seq === seq);
      // The satpam's step of each issuing service: V4's 3 s is implausible.
      expect(row('D', 1)).toMatchObject([{ role: 'satpam', count: 4, implausibleCount: 1, withinMutuBakuPct: 75, serviceAvgSec: 46 }]);
      expect(row('A', 1)).toMatchObject([{ count: 2, implausibleCount: 0, withinMutuBakuPct: 100 }]);
      expect(row('B', 1)).toMatchObject([{ count: 1 }]);
      // D's greeting: V1 90 s after 90 s waiting, V2 5 s after 60 s.
      expect(row('D', 2)).toMatchObject([{ count: 2, waitAvgSec: 75, serviceAvgSec: 48, serviceMedianSec: 48, withinMutuBakuPct: 50, implausibleCount: 1 }]);
      // D's petugas step, V3's included: 360, 780 and 300 s after waits of 120, 235 and 360 s.
      expect(row('D', 3)).toMatchObject([{
        role: 'petugas', mutuBakuMin: 10, count: 3, waitAvgSec: 238, waitP90Sec: 360, serviceAvgSec: 480, serviceMedianSec: 360,
        serviceP90Sec: 780, withinMutuBakuPct: 66.7, implausibleCount: 0,
      }]);
      // A's greeting (V5's, never finished, is not counted) and A's typing, under A although V3 ended in D.
      expect(row('A', 2)).toMatchObject([{ count: 1, serviceAvgSec: 60, waitAvgSec: 60 }]);
      expect(row('A', 3)).toMatchObject([{ name: 'Mengetik identitas pengguna layanan', count: 1, serviceAvgSec: 120, waitAvgSec: 0 }]);
      // V5's later A steps never started: listed, with nothing counted.
      expect(row('A', 7)).toMatchObject([{ count: 0, serviceAvgSec: null, withinMutuBakuPct: null }]);
      expect(row('D', 4)).toEqual([]);
    };

    const today = await h.ok('stats.day', { day: '2026-11-25' }, tokens.admin);
    expect(today).toMatchObject(expected);
    checkSteps(today.steps);
    // stats.today goes on answering as before, with the same counts.
    expect(await h.ok('stats.today', {}, tokens.petugas1)).toMatchObject({ day: '2026-11-25', issued: 7, done: 3, cancelled: 2, noShow: 1 });

    // The next morning: the day before is a past day, read back unchanged; today has its own figures.
    h.setTime(wib('2026-11-26', 8, 0));
    for (const username of ['admin', 'satpam1', 'resep1'])
      tokens[username] = (await h.ok('auth.login', { deskToken, username, password: username === 'admin' ? FIRST_RUN.adminPassword : PASSWORD })).sessionToken;
    await h.ok('queue.issue', { serviceCode: 'A', priority: null, satpamMs: 60_000 }, tokens.satpam1);
    const past = await h.ok('stats.day', { day: '2026-11-25' }, tokens.resep1);
    expect(past).toEqual(today);
    expect(await h.ok('stats.days', {}, tokens.admin)).toEqual({
      today: '2026-11-26',
      days: [{ day: '2026-11-26', issued: 1 }, { day: '2026-11-25', issued: 7 }],
    });
    expect(await h.ok('stats.day', { day: '2026-11-26' }, tokens.admin)).toMatchObject({
      issued: 1, done: 0, open: 1, desks: [], waitAvgSec: null, officers: [{ fullName: 'SATPAM1', steps: 1 }],
    });
    expect(await h.ok('stats.today', {}, tokens.admin)).toMatchObject({ day: '2026-11-26', issued: 1 });
    // A day without data answers empty figures with the usual office hours.
    expect(await h.ok('stats.day', { day: '2026-01-01' }, tokens.admin)).toMatchObject({
      issued: 0, steps: [], desks: [], officers: [], waitAvgSec: null, withinMutuBakuPct: null, arrivalsByHour: expect.arrayContaining([{ hour: 8, issued: 0 }]),
    });

    // The satpam sees no figures; a malformed day is refused.
    const denied = await h.call('stats.day', { day: '2026-11-25' }, tokens.satpam1);
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    const malformed = await h.call('stats.day', { day: '25-11-2026' }, tokens.admin);
    expect(malformed.ok ? null : malformed.error.code).toBe('VALIDATION');
  });
});
