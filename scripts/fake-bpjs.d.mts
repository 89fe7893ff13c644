// Types of the BPJS simulator (scripts/fake-bpjs.mjs) for the TypeScript tests and benchmarks.
export interface FakeCredentials {
  consId: string;
  secret: string;
  userKey: string;
  pcareUser: string;
  pcarePassword: string;
  appCode: string;
}
export const FAKE_CREDENTIALS: FakeCredentials;
export interface FakeBpjs {
  url: string;
  port: number;
  pcareUrl: string;
  vclaimUrl: string;
  credentials: FakeCredentials;
  requests: { service: 'pcare' | 'vclaim' | null; nik: string; at: number }[];
  setLatency(ms: number): void;
  setSlowMs(ms: number): void;
  setOutage(down: boolean): void;
  close(): Promise<void>;
}
export function startFakeBpjs(options?: {
  port?: number;
  host?: string;
  latencyMs?: number;
  slowMs?: number;
  skewSec?: number;
  credentials?: Partial<FakeCredentials>;
}): Promise<FakeBpjs>;
