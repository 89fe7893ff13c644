// The signature headers against the vectors in ../shared/bpjs-bridging.md.
import { describe, expect, it } from 'vitest';
import { bpjsHeaders, bpjsSignature, hmacBase64, type BpjsConfig } from '../../main/features/membership/bpjsClient';

const config: BpjsConfig = {
  service: 'pcare', pcareUrl: 'http://127.0.0.1:1/pcare-rest/', vclaimUrl: '', consId: '1234', secret: 'pwd', userKey: 'uk',
  pcareUser: 'user', pcarePassword: 'pass', appCode: '095', timeoutMs: 1000,
};

describe('BPJS signature', () => {
  it('matches the consId/timestamp vector', () => {
    expect(bpjsSignature('1234', '433223232', 'pwd')).toBe('eXMtvX2r7e7CLCIu3kpEpCrvciZgK8FuOhKv06NDAHk=');
  });

  it('matches the plain HMAC vector', () => {
    expect(hmacBase64('bbb', 'aaa')).toBe('20BKS3PWnD3XU4JbSSZvVlGi2WWnDa8Sv9uHJ+wsELA=');
  });

  it('sends every header, with X-authorization only for P-Care', () => {
    const h = bpjsHeaders(config, '433223232');
    expect(h).toMatchObject({ 'X-cons-id': '1234', 'X-timestamp': '433223232', 'X-signature': 'eXMtvX2r7e7CLCIu3kpEpCrvciZgK8FuOhKv06NDAHk=', user_key: 'uk' });
    expect(h['X-authorization']).toBe(`Basic ${Buffer.from('user:pass:095').toString('base64')}`);
    expect(bpjsHeaders({ ...config, service: 'vclaim' }, '1')['X-authorization']).toBeUndefined();
  });
});
