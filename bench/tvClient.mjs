// The waiting-room TV for bench/run.mjs, as its own process: in an office it is its own PC, so its
// frames do not wait behind the 20 simulated desks' frames in the benchmark's event loop. Prints one
// JSON line per announced call, {"label","at"}, `at` in epoch milliseconds (performance.timeOrigin +
// performance.now(), comparable across processes on one machine), and "ready" once connected.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const ws = new WebSocket(`${process.argv[2].replace('http', 'ws')}/ws/display`);
ws.on('open', () => process.stdout.write('{"ready":true}\n'));
ws.on('message', (m) => {
  const at = performance.timeOrigin + performance.now();
  const e = JSON.parse(m);
  if (e.announce) process.stdout.write(`${JSON.stringify({ label: e.announce.label, at })}\n`);
});
ws.on('close', () => process.exit(0));
process.on('SIGTERM', () => ws.close());
