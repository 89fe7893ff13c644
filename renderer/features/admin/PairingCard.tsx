// A desk's pairing code as the admin hands it over: the short code in large type, how long it is
// still valid, and the QR code a desk can scan. The host's address, certificate fingerprint, the
// command line and the long desk token (the old way) stay folded under "Detail teknis".
import { useState } from 'react';
import type { CallOutput } from '../../../common/contract/index';
import { formatPairingCode } from '../../../common/domain/pairing';
import { t } from '../../i18n/id';
import { durationWords } from '../../app/format';
import { useHostNow } from '../../app/hooks';
import { Notice } from '../../components/Alert';
import { FormActions } from '../../components/Field';
import { QrCode } from '../satpam/QrCode';

/** A fresh code, with the long desk token when the desk was created just now (shown only then). */
export type Pairing = CallOutput<'desks.pairingCode'> & { deskToken: string | null };

export function PairingCard({ pairing, onClose }: { pairing: Pairing; onClose(): void }) {
  const { desk, code, expiresAt, hostTlsUrl, hostFingerprint, qr, deskToken } = pairing;
  const now = useHostNow();
  const leftSec = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  const expired = leftSec === 0;
  return (
    <div className="panel pairing-card" data-testid="desk-pairing" data-state={expired ? 'expired' : 'valid'}>
      <h3>{t.admin.desks.codeTitle(desk.name, t.app.counter(desk.counterNo))}</h3>
      <div className="pairing-main">
        <div>
          <p>{t.admin.desks.codeHelp}</p>
          <output className={`pairing-code${expired ? ' pairing-expired' : ''}`} data-testid="desk-pair-code" data-code={code}>
            {formatPairingCode(code)}
          </output>
          <p className={expired ? 'field-error' : 'pairing-left'} data-testid="desk-pair-expiry">
            {expired ? t.admin.desks.expired : t.admin.desks.expiresIn(durationWords(leftSec))}
          </p>
          <p className="hint">{t.admin.desks.codeOnce}</p>
        </div>
        {expired ? null : <QrCode qr={qr} label={t.admin.desks.qrLabel} className="pairing-qr" testId="desk-pair-qr" />}
      </div>
      <details className="desk-host" data-testid="desk-details">
        <summary data-testid="desk-details-toggle">{t.admin.desks.details}</summary>
        <TechnicalDetails hostTlsUrl={hostTlsUrl} hostFingerprint={hostFingerprint} deskToken={deskToken} />
      </details>
      <FormActions>
        <button type="button" className="btn btn-ghost" data-testid="desk-token-close" onClick={onClose}>
          {t.app.close}
        </button>
      </FormActions>
    </div>
  );
}

function TechnicalDetails({ hostTlsUrl, hostFingerprint, deskToken }: { hostTlsUrl: string | null; hostFingerprint: string | null; deskToken: string | null }) {
  const [copied, setCopied] = useState(false);
  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard can be refused (no permission); the code stays selectable in the box.
      setCopied(false);
    }
  }
  return (
    <div>
      {hostFingerprint && hostTlsUrl ? (
        <>
          <p className="hint">{t.admin.desks.hostHelp}</p>
          <dl>
            <dt>{t.admin.desks.hostTlsUrl}</dt>
            <dd>
              <code data-testid="desk-host-url">{hostTlsUrl}</code>
            </dd>
            <dt>{t.admin.desks.fingerprint}</dt>
            <dd>
              <code className="fingerprint" data-testid="desk-fingerprint">
                {hostFingerprint}
              </code>
            </dd>
            <dt>{t.admin.desks.deskCommand}</dt>
            <dd>
              <code data-testid="desk-command">{`--mode desk --host-url ${hostTlsUrl} --host-fingerprint ${hostFingerprint}`}</code>
            </dd>
          </dl>
        </>
      ) : null}
      {deskToken ? (
        <div className="field">
          <label htmlFor="desk-long-token">{t.admin.desks.longToken}</label>
          <input id="desk-long-token" className="token" readOnly value={deskToken} data-testid="desk-token" onFocus={(e) => e.target.select()} />
          <small className="hint">{t.admin.desks.longTokenHelp}</small>
          <FormActions>
            <button type="button" className="btn btn-ghost" data-testid="desk-token-copy" onClick={() => void copy(deskToken)}>
              {t.admin.desks.copy}
            </button>
          </FormActions>
          {copied ? <Notice testId="desk-token-copied">{t.admin.desks.copied}</Notice> : null}
        </div>
      ) : null}
    </div>
  );
}
