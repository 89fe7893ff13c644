// The Node flags the headless host is started with (npm run serve, npm start without Electron, the
// benchmarks). V8 lets the young generation grow to 16 MB per semi-space on a 64-bit machine; the
// host's garbage is short-lived request data, and 4 MB keeps it collected as often as needed: RSS
// after a 300-visitor day with 20 desks went from about 155 MB to about 134 MB with the same
// latency (bench/run.mjs). V8 reads this at start-up only (v8.setFlagsFromString is too late).
export const HOST_NODE_FLAGS = ['--max-semi-space-size=4'];
