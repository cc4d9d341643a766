import { describe, expect, it } from 'vitest';
import { nodeReportDeps } from '../../../scripts/report-node/deps';
import { buildReport } from '../../../src/core/report/build';
import { pageTexts, pageWith, reportInput, squash, uuid } from './fixtures';

const ACCOUNTS = [
  {
    id: uuid(2001),
    platform: 'instagram' as const,
    handle: 'kulai.anon',
    displayName: 'Anon Kulai',
    userId: '4455667788',
    profileUrl: 'https://www.instagram.com/kulai.anon/',
    contact: 'kulai.anon@example.com',
    notes: 'Posted the edited photos first',
  },
  { id: uuid(2002), platform: 'whatsapp' as const, contact: '+60 12-345 6789' },
];
const COMPLAINANT = {
  name: 'Nur Aisyah binti Ahmad (fictional)',
  idNumber: '900101-14-5678',
  phone: '012-987 6543',
  email: 'nur.aisyah@example.com',
};

describe('case details in the report', () => {
  it('prints every account identifier under Accounts involved and the complainant on the cover', async () => {
    const input = await reportInput([], {
      case: {
        id: uuid(1000),
        title: 'Akaun palsu',
        narrative: 'Apa yang berlaku.',
        accounts: ACCOUNTS,
        complainant: COMPLAINANT,
      },
    });
    const pages = pageTexts(await buildReport(input, await nodeReportDeps(new Map())));
    const cover = squash(pages[0] ?? '');
    for (const value of Object.values(COMPLAINANT)) expect(cover).toContain(squash(value));

    const at = pageWith(pages.slice(1), 'Accounts involved / Akaun yang terlibat') + 1;
    const accounts = squash(pages.slice(at - 1, at + 1).join('\n'));
    expect(accounts).toContain(squash('Account 1 / Akaun 1 · Instagram'));
    expect(accounts).toContain(squash('Account 2 / Akaun 2 · WhatsApp'));
    for (const account of ACCOUNTS)
      for (const value of Object.values(account).filter((v) => v !== account.id && v !== account.platform))
        expect(accounts).toContain(squash(value));
  });

  it('leaves lines to fill in by hand when no complainant details were given', async () => {
    const input = await reportInput([], {
      case: { id: uuid(1000), title: 'Akaun palsu', narrative: '', accounts: [] },
    });
    const cover = pageTexts(await buildReport(input, await nodeReportDeps(new Map())))[0] ?? '';
    expect(cover).toContain('IC or passport number');
    expect(cover).not.toContain(COMPLAINANT.idNumber);
  });
});
