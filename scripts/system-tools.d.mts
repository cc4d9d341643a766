export const SYSTEM_TOOLS: Record<string, string>;
export function which(name: string): string | null;
export function findChromium(): string | null;
export function ensureSystemTools(): { chromium: string; chromiumVersion: string };
