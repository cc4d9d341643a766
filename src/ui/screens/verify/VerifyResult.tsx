import { useId } from 'preact/hooks';
import { formatFingerprint } from '../../../core/bundle/key';
import type { VerifyProblem } from '../../../core/bundle/verify-report';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import type { VerifiedBundle } from '../../workers/verify-bridge';
import { FileChecks } from './FileChecks';
import { ReportDetails } from './ReportDetails';

interface VerifyResultProps {
  verified: VerifiedBundle;
  file: { name: string; size: number };
  onAnother: () => void;
}

/** Findings as plain sentences in the current language; their text parameters were escaped by the verifier. */
function Findings({ title, problems }: { title: MessageKey; problems: readonly VerifyProblem[] }) {
  const { t } = useI18n();
  const id = useId();
  if (problems.length === 0) return null;
  return (
    <section class="verify-findings" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(title)}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${index}:${problem.code}`} data-code={problem.code}>
            {t(problem.code, problem.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who signed, against the fingerprint the reader gave; a re-packed container; what a pass cannot prove. */
function Limits({ report }: { report: VerifiedBundle['report'] }) {
  const { t } = useI18n();
  const id = useId();
  const print = report.signature.keyFingerprint;
  const fingerprint = print ? formatFingerprint(print) : '';
  const expected = report.key.expected ? formatFingerprint(report.key.expected) : '';
  return (
    <section class="card verify-limits" aria-labelledby={`${id}-h`} data-testid="key-check">
      <h2 id={`${id}-h`}>{t('verifyUi.key.title')}</h2>
      {report.key.matches === true && <p>{t('bundle.status.keyConfirmed', { fingerprint })}</p>}
      {report.key.matches === false && (
        <p>{t('bundle.verify.keyNotExpected', { expected, actual: fingerprint })}</p>
      )}
      {report.key.matches === null && print && <p>{t('bundle.status.keyNotConfirmed', { fingerprint })}</p>}
      {report.repacked && <p data-testid="repacked">{t('bundle.status.repacked')}</p>}
      <h2>{t('verifyUi.limits.title')}</h2>
      <p>{t('bundle.status.limits')}</p>
    </section>
  );
}

/** Everything below the verdict: findings first, then the facts, the files and the limits of a pass. */
export function VerifyResult({ verified, file, onAnother }: VerifyResultProps) {
  const { t } = useI18n();
  const { report, app } = verified;
  const detailsId = useId();
  return (
    <div class="verify-result">
      <Findings title="verifyUi.problems.title" problems={report.problems} />
      <Findings title="verifyUi.notes.title" problems={report.custody.warnings} />
      <section class="card" aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t('verifyUi.details.title')}</h2>
        <ReportDetails report={report} app={app} file={file} />
      </section>
      {(report.status === 'intact' || report.status === 'unexpectedKey') && <Limits report={report} />}
      {report.files.length > 0 && <FileChecks files={report.files} />}
      <p>
        <button type="button" class="button primary" onClick={onAnother}>
          {t('verifyUi.another')}
        </button>
      </p>
    </div>
  );
}
