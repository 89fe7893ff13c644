// A QR code drawn from the host's module grid (visitor.link): the host encodes it with the same
// encoder as the paper ticket, so the screen needs no QR library of its own.
interface QrCodeProps {
  qr: { size: number; path: string };
  label: string;
  className?: string;
  testId?: string;
}

export function QrCode({ qr, label, className, testId }: QrCodeProps) {
  return (
    <svg className={className} viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} data-testid={testId} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
