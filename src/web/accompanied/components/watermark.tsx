import type { CSSProperties } from 'react';

const layer: CSSProperties = {
  position: 'absolute',
  inset: 0,
  overflow: 'hidden',
  pointerEvents: 'none',
  zIndex: 5,
  display: 'flex',
  flexWrap: 'wrap',
  alignContent: 'flex-start',
  gap: '48px 64px',
  padding: 24,
};
const tile: CSSProperties = { transform: 'rotate(-20deg)', color: 'rgba(0, 0, 0, 0.13)', fontSize: 14, whiteSpace: 'nowrap', userSelect: 'none' };

/** Both names and the time across the page (ARC-9): a photo of the screen still says who was shown it, when. */
export function Watermark({ text }: { text: string }) {
  return (
    <div style={layer} aria-hidden data-testid="acc-watermark">
      {Array.from({ length: 40 }, (_, i) => (
        <span key={i} style={tile}>
          {text}
        </span>
      ))}
    </div>
  );
}
