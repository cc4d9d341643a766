import { useId, useState } from 'preact/hooks';
import { formatFingerprint } from '../../../core/bundle/key';
import { type FileCheck, type FileStatus, printable } from '../../../core/bundle/verify-report';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { shortHash } from './format';

const STATUS_LABEL: Record<FileStatus, MessageKey> = {
  ok: 'verifyUi.file.ok',
  changed: 'verifyUi.file.changed',
  missing: 'verifyUi.file.missing',
  extra: 'verifyUi.file.extra',
  unreadable: 'verifyUi.file.unreadable',
  unchecked: 'verifyUi.file.unchecked',
};

const STATUS_SYMBOL: Record<FileStatus, string> = {
  ok: '✓',
  changed: '✗',
  missing: '✗',
  extra: '✗',
  unreadable: '✗',
  unchecked: '?',
};

/** Files with a finding first, so a changed file is not lost at the end of a long list. */
const RANK: Record<FileStatus, number> = {
  changed: 0,
  missing: 0,
  extra: 0,
  unreadable: 0,
  unchecked: 1,
  ok: 2,
};

function Hash({ hex, full }: { hex: string | null; full: boolean }) {
  const { t } = useI18n();
  if (hex === null) return <span class="muted">{t('verifyUi.files.none')}</span>;
  return <code class="hash">{full ? formatFingerprint(hex) : shortHash(hex)}</code>;
}

/** Every file compared with SHA256SUMS: status in words, expected and actual SHA-256, short or in full. */
export function FileChecks({ files }: { files: readonly FileCheck[] }) {
  const { t } = useI18n();
  const id = useId();
  const [full, setFull] = useState(false);
  const ordered = [...files].sort((a, b) => RANK[a.status] - RANK[b.status]);
  const matching = files.filter((file) => file.status === 'ok').length;
  return (
    <section class="verify-files" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('verifyUi.files.title')}</h2>
      <p>{t('verifyUi.files.summary', { ok: matching, total: files.length })}</p>
      <button
        type="button"
        class="button small"
        aria-pressed={full}
        aria-controls={`${id}-list`}
        onClick={() => setFull(!full)}
      >
        {t('verifyUi.files.showFull')}
      </button>
      <ul id={`${id}-list`} class="file-checks">
        {ordered.map((file, index) => (
          <li
            key={`${index}:${file.path}`}
            class={`file-check file-${file.status}`}
            data-status={file.status}
          >
            <p class="file-head">
              <span class="file-status">
                <span aria-hidden="true">{STATUS_SYMBOL[file.status]} </span>
                {t(STATUS_LABEL[file.status])}
              </span>
              <span class="file-path untrusted">{printable(file.path)}</span>
            </p>
            <dl class="file-hashes">
              <div>
                <dt>{t('verifyUi.files.expected')}</dt>
                <dd>
                  <Hash hex={file.expectedSha256} full={full} />
                </dd>
              </div>
              <div>
                <dt>{t('verifyUi.files.actual')}</dt>
                <dd>
                  <Hash hex={file.actualSha256} full={full} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
