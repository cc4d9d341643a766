import type { ComponentChildren } from 'preact';
import type { EvidenceFile } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { durationText } from '../../../core/report/format';
import { DefinitionList } from '../../components/DefinitionList';
import { Disclosure } from '../../components/Disclosure';
import { formatBytes } from '../../format';
import { useI18n } from '../../i18n';

/** What is known about one original, read from its own bytes at capture; nothing here can be edited. */
export function FileFacts({ file }: { file: EvidenceFile }) {
  const { t, locale, when, date } = useI18n();
  const facts = file.facts;
  const exact = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const rows: Array<[MessageKey, ComponentChildren]> = [
    // Below 1 kB the rounded size is already exact.
    [
      'report.field.size',
      file.size < 1000
        ? exact.format(file.size)
        : `${formatBytes(file.size, locale)} (${exact.format(file.size)})`,
    ],
    ['report.field.type', file.mimeType],
  ];
  if (file.lastModified) rows.push(['report.field.lastModified', when(file.lastModified)]);
  if (facts.dateTaken) rows.push(['report.field.dateTaken', date(facts.dateTaken)]);
  const camera = [facts.make, facts.model].filter(Boolean).join(' ');
  if (camera) rows.push(['report.field.camera', camera]);
  if (facts.width && facts.height)
    rows.push(['report.field.dimensions', t('facts.pixels', { width: facts.width, height: facts.height })]);
  if (facts.durationSeconds !== undefined)
    rows.push(['report.field.duration', durationText(facts.durationSeconds)]);
  rows.push(['report.field.gps', t(facts.hasGps ? 'facts.gpsYes' : 'facts.gpsNo')]);
  return (
    <Disclosure
      label={
        <>
          {t('facts.show')}
          <span class="visually-hidden">: {file.originalName}</span>
        </>
      }
    >
      <DefinitionList class="file-facts" rows={rows} />
      {facts.metadataUnreadable && <p class="notice">{t('facts.unreadable')}</p>}
    </Disclosure>
  );
}
