import { Button } from 'antd';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type PointerEvent } from 'react';
import { t } from '../i18n/zh-CN';

export interface SignaturePadHandle {
  /** The drawing as a PNG data URL on a white ground, or null when nothing is drawn. */
  toDataURL: () => string | null;
  clear: () => void;
}

interface Props {
  height?: number;
  onChange?: (empty: boolean) => void;
  'aria-label'?: string;
}

/**
 * A canvas to sign on with a mouse, a finger or a pen (pointer events cover all three; `touch-action:
 * none` keeps a finger from scrolling the page). Drawn at the screen's pixel ratio (at most 2) so strokes
 * are sharp without making the PNG large.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, Props>(function SignaturePad({ height = 200, onChange, ...rest }, ref) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);
  // Kept in a ref: a new callback from the parent must not re-create (and so wipe) the canvas.
  const changed = useRef(onChange);
  changed.current = onChange;

  const setupCanvas = useCallback(() => {
    const c = canvasRef.current;
    if (!c) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    // Layout width, not the bounding box: a dialog's opening animation scales the box.
    const width = c.clientWidth;
    c.width = Math.round(width * ratio);
    c.height = Math.round(height * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.lineWidth = 2.2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    setEmpty(true);
    changed.current?.(true);
  }, [height]);

  useEffect(() => {
    setupCanvas();
  }, [setupCanvas]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.clientWidth) / (r.width || 1), y: ((e.clientY - r.top) * c.clientHeight) / (r.height || 1) };
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    drawing.current = { id: e.pointerId, ...p };
    const ctx = e.currentTarget.getContext('2d');
    // A tap leaves a dot.
    ctx?.beginPath();
    ctx?.arc(p.x, p.y, 1.1, 0, Math.PI * 2);
    ctx?.fill();
  };

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const last = drawing.current;
    if (!last || last.id !== e.pointerId) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    // Pens and fast mice deliver several points per frame; draw them all.
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    const sx = c.clientWidth / (r.width || 1);
    const sy = c.clientHeight / (r.height || 1);
    const pts = events.length ? events.map((p) => ({ x: (p.clientX - r.left) * sx, y: (p.clientY - r.top) * sy })) : [point(e)];
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    for (const p of pts) ctx.lineTo(p.x, p.y);
    ctx.stroke();
    const end = pts[pts.length - 1];
    drawing.current = { id: e.pointerId, ...end };
    if (empty) {
      setEmpty(false);
      changed.current?.(false);
    }
  };

  const onUp = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current?.id === e.pointerId) drawing.current = null;
  };

  useImperativeHandle(
    ref,
    () => ({
      toDataURL: () => {
        const c = canvasRef.current;
        if (!c || empty) return null;
        // Put the strokes on white: a transparent PNG shows black-on-black in dark viewers and prints.
        const out = document.createElement('canvas');
        out.width = c.width;
        out.height = c.height;
        const ctx = out.getContext('2d');
        if (!ctx) return null;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(c, 0, 0);
        return out.toDataURL('image/png');
      },
      clear: setupCanvas,
    }),
    [empty, setupCanvas],
  );

  return (
    <div>
      <div style={{ position: 'relative', border: '1px dashed #bbb', borderRadius: 4, background: '#fff' }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={rest['aria-label'] ?? t('signature.label')}
          data-testid="signature-pad"
          style={{ display: 'block', width: '100%', height, touchAction: 'none', cursor: 'crosshair' }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        />
        {empty && (
          <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bbb', pointerEvents: 'none' }}>
            {t('signature.empty')}
          </div>
        )}
      </div>
      <Button size="small" style={{ marginTop: 8 }} onClick={setupCanvas} disabled={empty}>
        {t('signature.clear')}
      </Button>
    </div>
  );
});
