// Photographing a paper with the PC's camera (getUserMedia). Electron grants the camera to the
// app's own page only (main/app/electron.ts); a browser only on HTTPS or localhost.
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/id';

export function CameraDialog({ onPhoto, onCancel }: { onPhoto(bytes: Uint8Array): void; onCancel(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().then(() => setReady(true));
        }
      })
      .catch(() => setError(true));
    if (!navigator.mediaDevices) setError(true);
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  function take() {
    const v = video.current;
    if (!v) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && void blob.arrayBuffer().then((b) => onPhoto(new Uint8Array(b))), 'image/jpeg', 0.9);
  }

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={t.documents.cameraTitle} data-testid="camera-dialog">
      <div className="modal docs-modal">
        <h3>{t.documents.cameraTitle}</h3>
        {error ? <div className="alert alert-error" role="alert">{t.documents.cameraDenied}</div> : <video ref={video} className="docs-video" muted playsInline />}
        <div className="docs-modal-actions">
          <button type="button" className="btn btn-primary" disabled={!ready} data-testid="camera-take" onClick={take}>
            {t.documents.takePhoto}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t.documents.close}
          </button>
        </div>
      </div>
    </div>
  );
}
