import type { ComponentChildren } from 'preact';
import { formatFingerprint } from '../../../core/bundle/key';
import { printable, type VerifyReport } from '../../../core/bundle/verify-report';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import type { SealingApp } from '../../workers/verify-bridge';
import { formatBytes } from './format';

interface ReportDetailsProps {
  report: VerifyReport;
  app: SealingApp | null;
  file: { name: string; size: number };
}

/** A yes/no finding in words with a symbol, so it does not depend on colour. */
function Finding({ good, label }: { good: boolean | null; label: string }) {
  const tone = good === null ? 'unknown' : good ? 'good' : 'bad';
  const symbol = good === null ? '?' : good ? '✓' : '✗';
  return (
    <span class={`finding finding-${tone}`}>
      <span aria-hidden="true">{symbol} </span>
      {label}
    </span>
  );
}

function Row({ label, children }: { label: MessageKey; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="detail-row">
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function signatureFinding(signature: VerifyReport['signature']): [boolean, MessageKey] {
  if (!signature.present) return [false, 'verifyUi.signature.missing'];
  return signature.valid ? [true, 'verifyUi.signature.valid'] : [false, 'verifyUi.signature.invalid'];
}

function custodyFinding(custody: VerifyReport['custody']): [boolean | null, MessageKey] {
  if (!custody.present) return [false, 'verifyUi.custody.missing'];
  if (custody.continuous === null) return [null, 'verifyUi.custody.unchecked'];
  return custody.continuous ? [true, 'verifyUi.custody.continuous'] : [false, 'verifyUi.custody.broken'];
}

function agreementFinding(agrees: boolean | null): [boolean | null, MessageKey] {
  if (agrees === null) return [null, 'verifyUi.agreement.unknown'];
  return agrees ? [true, 'verifyUi.agreement.yes'] : [false, 'verifyUi.agreement.no'];
}

/**
 * The facts a police officer or lawyer writes down: which file, which bundle, when, by which key, and
 * each check in words. Everything taken from the bundle is shown as text, escaped by the verifier.
 */
export function ReportDetails({ report, app, file }: ReportDetailsProps) {
  const { t, locale } = useI18n();
  const unknown = <span class="muted">{t('verifyUi.unknown')}</span>;
  const [signed, signatureLabel] = signatureFinding(report.signature);
  const [continuous, custodyLabel] = custodyFinding(report.custody);
  const [agrees, agreementLabel] = agreementFinding(report.manifest.agreesWithSums);
  const bundleLike = report.manifest.present || report.sums.present || report.signature.present;
  return (
    <dl class="verify-details">
      <Row label="verifyUi.field.file">
        <span class="untrusted">{printable(file.name)}</span> ({formatBytes(file.size, locale)})
      </Row>
      {bundleLike && (
        <>
          <Row label="verifyUi.field.bundleId">
            {report.bundleId ? <code class="untrusted">{printable(report.bundleId)}</code> : unknown}
          </Row>
          <Row label="verifyUi.field.created">
            {report.createdAt
              ? t('verifyUi.created.value', {
                  utc: printable(report.createdAt.utc),
                  local: printable(report.createdAt.local),
                  zone: printable(report.createdAt.timeZone),
                })
              : unknown}
          </Row>
          <Row label="verifyUi.field.app">
            {app ? <span class="untrusted">{printable(`${app.name} ${app.version}`)}</span> : unknown}
          </Row>
          <Row label="verifyUi.field.fingerprint">
            {report.signature.keyFingerprint ? (
              <code class="fingerprint" data-testid="key-fingerprint">
                {formatFingerprint(report.signature.keyFingerprint)}
              </code>
            ) : (
              unknown
            )}
          </Row>
          <Row label="verifyUi.field.signature">
            <Finding good={signed} label={t(signatureLabel)} />
          </Row>
          <Row label="verifyUi.field.custody">
            <Finding good={continuous} label={t(custodyLabel, { entries: report.custody.entries })} />
            {report.custody.keyChanges.map(({ position, from, to }) => (
              <p key={position} data-testid="key-change">
                {t('custody.keyChange', {
                  position,
                  from: formatFingerprint(from),
                  to: formatFingerprint(to),
                })}
              </p>
            ))}
          </Row>
          <Row label="verifyUi.field.agreement">
            <Finding good={agrees} label={t(agreementLabel)} />
          </Row>
        </>
      )}
    </dl>
  );
}
