import { readFile } from 'node:fs/promises';
import type { ReportDeps, ReportFile, ReportFonts } from '../../src/core/report/types';
import { nodeImagePreparer } from './images';

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  mono: '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf',
} as const;

/** The report fonts from this checkout's node_modules (the browser loads the same files as precached assets). */
export async function loadNodeReportFonts(): Promise<ReportFonts> {
  const read = async (path: string) =>
    new Uint8Array(await readFile(new URL(`../../node_modules/${path}`, import.meta.url)));
  return {
    regular: await read(FONT_FILES.regular),
    bold: await read(FONT_FILES.bold),
    mono: await read(FONT_FILES.mono),
  };
}

/** ReportDeps for Node: files looked up by bundle path in `files`, images through jpeg-js and pngjs. */
export async function nodeReportDeps(
  files: ReadonlyMap<string, Uint8Array>,
  extra: Partial<ReportDeps> = {},
): Promise<ReportDeps> {
  return {
    fonts: await loadNodeReportFonts(),
    images: nodeImagePreparer(),
    readFile: async (file: ReportFile) => {
      const bytes = files.get(file.path);
      if (!bytes) throw new Error(`No bytes for ${file.path}`);
      return bytes;
    },
    ...extra,
  };
}
