// Test-only clock for a host process (`node --import` this file, see HostFlags.clockFile): every
// `new Date()` and `Date.now()` answer the instant written in LOKET_FAKE_CLOCK_FILE (ISO-8601), so an
// e2e test drives the real host through a scripted day the way h.setTime does in-process. Timers
// keep real time.
import { readFileSync } from 'node:fs';

const file = process.env.LOKET_FAKE_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const now = () => {
    const at = RealDate.parse(readFileSync(file, 'utf8').trim());
    if (Number.isNaN(at)) throw new Error(`fakeClock: ${file} holds no ISO instant`);
    return at;
  };
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = FakeDate;
}
