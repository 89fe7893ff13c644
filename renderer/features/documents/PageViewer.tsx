// One page at full size (an audited view on the host), with a crop: drag a box over the picture.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { CaseFile } from '../../../common/contract/index';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n/id';

type Page = CaseFile['documents'][number]['pages'][number];
type Box = { left: number; top: number; width: number; height: number };

export function PageViewer({ page, onClose, onCrop }: { page: Page; onClose(): void; onCrop(box: Box): void }) {
  const load = useAction();
  const [src, setSrc] = useState<string | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const img = useRef<HTMLImageElement>(null);

  useEffect(() => {
    void load.run(() => api('documents.page', { pageId: page.pageId })).then((r) => r.ok && setSrc(`data:${r.value.mime};base64,${r.value.base64}`));
  }, [page.pageId]);

  const at = (e: PointerEvent) => {
    const r = img.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={t.documents.view} data-testid="page-viewer">
      <div className="modal docs-modal">
        <ErrorAlert error={load.error} />
        <p className="muted small">{t.documents.cropHint}</p>
        <div className="docs-crop">
          {src ? (
            <img
              ref={img}
              src={src}
              alt={t.documents.view}
              draggable={false}
              onPointerDown={(e) => {
                start.current = at(e);
                setBox(null);
              }}
              onPointerMove={(e) => {
                if (!start.current) return;
                const p = at(e);
                const s = start.current;
                setBox({ left: Math.min(s.x, p.x), top: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) });
              }}
              onPointerUp={() => (start.current = null)}
            />
          ) : null}
          {box ? <div className="docs-crop-box" style={{ left: `${box.left * 100}%`, top: `${box.top * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }} /> : null}
        </div>
        <div className="docs-modal-actions">
          <button type="button" className="btn btn-primary" disabled={!box || box.width < 0.05 || box.height < 0.05} onClick={() => box && onCrop(box)}>
            {t.documents.saveCrop}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t.documents.close}
          </button>
        </div>
      </div>
    </div>
  );
}
