import type { Area } from '../area';

const en = {
  'discreet.title': 'Discreet mode',
  'discreet.explain':
    'While Bukti is locked, the browser tab shows a neutral name and icon, and exported files get plain names. Choose a look before you add Bukti to your home screen: the icon and name are set when you add it.',
  'discreet.label': 'Look',
  'discreet.off': 'Off (show Bukti)',
  'discreet.preset.notes': 'Notes',
  'discreet.preset.calculator': 'Calculator',
  'discreet.preset.recipes': 'Recipes',
  'discreet.saved': 'Saved. The new look shows the next time Bukti is locked.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'discreet.title': 'Mod berhati-hati',
  'discreet.explain':
    'Semasa Bukti dikunci, tab pelayar menunjukkan nama dan ikon yang neutral, dan fail yang dieksport diberi nama biasa. Pilih rupa sebelum anda menambah Bukti ke skrin utama: ikon dan nama ditetapkan semasa anda menambahnya.',
  'discreet.label': 'Rupa',
  'discreet.off': 'Mati (tunjukkan Bukti)',
  'discreet.preset.notes': 'Nota',
  'discreet.preset.calculator': 'Kalkulator',
  'discreet.preset.recipes': 'Resepi',
  'discreet.saved': 'Disimpan. Rupa baharu ditunjukkan apabila Bukti dikunci nanti.',
};

export const discreet: Area<typeof en> = { en, ms };
