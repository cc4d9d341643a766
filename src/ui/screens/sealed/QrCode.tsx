import encodeQR from 'qr';

/**
 * A QR code drawn as inline SVG (no data URL, no canvas): one path of dark modules, with the quiet zone
 * QR readers need. `label` is what a screen reader says instead.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const size = matrix.length;
  let path = '';
  for (const [y, row] of matrix.entries()) {
    for (const [x, dark] of row.entries()) if (dark) path += `M${x} ${y}h1v1h-1z`;
  }
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
