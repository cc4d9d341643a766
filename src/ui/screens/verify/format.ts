/** A SHA-256 short enough to scan in a list: the first and last eight hex digits. */
export function shortHash(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}

export { formatBytes } from '../../format';
