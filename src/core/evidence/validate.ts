import { Checker, isIsoDate, isIsoDateOrTime, isLocalIso, type RecordProblem } from './checker';
import {
  CATEGORIES,
  type Case,
  EVIDENCE_FORMAT_VERSION,
  EVIDENCE_KINDS,
  type EvidenceItem,
  FILE_KINDS,
  ITEM_FLAGS,
  PLATFORMS,
} from './model';

export type { RecordProblem } from './checker';

const optionalText = (c: Checker, path: string, record: Record<string, unknown>, keys: readonly string[]) => {
  for (const key of keys) c.string(`${path}.${key}`, record[key], true);
};

function checkTimes(c: Checker, record: Record<string, unknown>): void {
  c.utc('$.createdAt', record.createdAt);
  c.utc('$.updatedAt', record.updatedAt);
  if (typeof record.createdAt === 'string' && typeof record.updatedAt === 'string') {
    if (record.updatedAt < record.createdAt) c.add('$.updatedAt', 'earlier than createdAt');
  }
}

const ACCOUNT_FIELDS = [
  'id',
  'platform',
  'handle',
  'displayName',
  'userId',
  'profileUrl',
  'contact',
  'notes',
];
const COMPLAINANT_FIELDS = ['name', 'idNumber', 'phone', 'email'];
const CASE_FIELDS = ['v', 'id', 'title', 'narrative', 'accounts', 'complainant', 'createdAt', 'updatedAt'];

/** Every problem in an untrusted case record (from storage or a bundle); empty when it is valid. */
export function checkCase(value: unknown): RecordProblem[] {
  const c = new Checker();
  const record = c.object('$', value, CASE_FIELDS);
  if (record === undefined) return c.problems;
  if (record.v !== EVIDENCE_FORMAT_VERSION) c.add('$.v', 'unsupported version');
  c.uuid('$.id', record.id);
  c.string('$.title', record.title);
  c.string('$.narrative', record.narrative);
  c.array('$.accounts', record.accounts).forEach((entry, index) => {
    const path = `$.accounts[${index}]`;
    const account = c.object(path, entry, ACCOUNT_FIELDS);
    if (account === undefined) return;
    c.uuid(`${path}.id`, account.id);
    c.oneOf(`${path}.platform`, account.platform, PLATFORMS);
    optionalText(c, path, account, ACCOUNT_FIELDS.slice(2));
  });
  if (record.complainant !== undefined) {
    const complainant = c.object('$.complainant', record.complainant, COMPLAINANT_FIELDS);
    if (complainant !== undefined) optionalText(c, '$.complainant', complainant, COMPLAINANT_FIELDS);
  }
  checkTimes(c, record);
  return c.problems;
}

const FACT_FIELDS = [
  'dateTaken',
  'make',
  'model',
  'hasGps',
  'width',
  'height',
  'durationSeconds',
  'metadataUnreadable',
];
const FILE_FIELDS = ['id', 'sha256', 'size', 'mimeType', 'originalName', 'lastModified', 'facts'];

function checkFile(c: Checker, path: string, value: unknown): void {
  const file = c.object(path, value, FILE_FIELDS);
  if (file === undefined) return;
  c.uuid(`${path}.id`, file.id);
  c.sha256(`${path}.sha256`, file.sha256);
  c.number(`${path}.size`, file.size, { integer: true, min: 1 });
  c.string(`${path}.mimeType`, file.mimeType);
  c.string(`${path}.originalName`, file.originalName);
  c.utc(`${path}.lastModified`, file.lastModified, true);
  const facts = c.object(`${path}.facts`, file.facts, FACT_FIELDS);
  if (facts === undefined) return;
  c.shape(`${path}.facts.dateTaken`, facts.dateTaken, isIsoDateOrTime, 'an ISO date', true);
  c.string(`${path}.facts.make`, facts.make, true);
  c.string(`${path}.facts.model`, facts.model, true);
  c.boolean(`${path}.facts.hasGps`, facts.hasGps);
  c.number(`${path}.facts.width`, facts.width, { integer: true, min: 1, optional: true });
  c.number(`${path}.facts.height`, facts.height, { integer: true, min: 1, optional: true });
  c.number(`${path}.facts.durationSeconds`, facts.durationSeconds, { min: 0, optional: true });
  c.boolean(`${path}.facts.metadataUnreadable`, facts.metadataUnreadable, true);
}

const DETAIL_FIELDS = [
  'contentUrl',
  'profileUrl',
  'platform',
  'account',
  'postedTime',
  'description',
  'category',
  'sensitive',
  'platformReport',
  'relatedItemIds',
  'tags',
  'flags',
];

/** Problems in one `EvidenceDetails` value (current or from history). */
function checkDetails(c: Checker, path: string, value: unknown): void {
  const details = c.object(path, value, DETAIL_FIELDS);
  if (details === undefined) return;
  c.string(`${path}.contentUrl`, details.contentUrl, true);
  c.string(`${path}.profileUrl`, details.profileUrl, true);
  c.oneOf(`${path}.platform`, details.platform, PLATFORMS);
  if (details.account !== undefined) {
    const account = c.object(`${path}.account`, details.account, ['handle', 'displayName', 'userId']);
    if (account !== undefined)
      optionalText(c, `${path}.account`, account, ['handle', 'displayName', 'userId']);
  }
  if (details.postedTime !== undefined) {
    const posted = c.object(`${path}.postedTime`, details.postedTime, ['asShown', 'iso']);
    c.string(`${path}.postedTime.asShown`, posted?.asShown);
    c.shape(`${path}.postedTime.iso`, posted?.iso, isIsoDateOrTime, 'an ISO date', true);
  }
  c.string(`${path}.description`, details.description);
  c.oneOf(`${path}.category`, details.category, CATEGORIES);
  c.boolean(`${path}.sensitive`, details.sensitive);
  if (details.platformReport !== undefined) {
    const report = c.object(`${path}.platformReport`, details.platformReport, ['reference', 'date']);
    c.string(`${path}.platformReport.reference`, report?.reference);
    c.shape(`${path}.platformReport.date`, report?.date, isIsoDate, 'an ISO date', true);
  }
  c.array(`${path}.relatedItemIds`, details.relatedItemIds).forEach((id, i) => {
    c.uuid(`${path}.relatedItemIds[${i}]`, id);
  });
  c.array(`${path}.tags`, details.tags).forEach((tag, i) => {
    c.string(`${path}.tags[${i}]`, tag);
  });
  c.array(`${path}.flags`, details.flags).forEach((flag, i) => {
    c.oneOf(`${path}.flags[${i}]`, flag, ITEM_FLAGS);
  });
}

function checkCaptured(c: Checker, value: unknown): void {
  const captured = c.object('$.captured', value, ['utc', 'local', 'timeZone']);
  if (captured === undefined) return;
  c.utc('$.captured.utc', captured.utc);
  c.shape('$.captured.local', captured.local, isLocalIso, 'a local time with offset');
  c.string('$.captured.timeZone', captured.timeZone);
  if (typeof captured.utc === 'string' && isLocalIso(captured.local)) {
    if (Date.parse(captured.utc) !== Date.parse(captured.local))
      c.add('$.captured.local', 'not the same instant');
  }
}

function checkContent(c: Checker, record: Record<string, unknown>): void {
  const files = c.array('$.files', record.files);
  const seen = new Set<unknown>();
  files.forEach((file, index) => {
    checkFile(c, `$.files[${index}]`, file);
    const hash = (file as { sha256?: unknown } | null)?.sha256;
    if (seen.has(hash)) c.add(`$.files[${index}].sha256`, 'same file twice');
    seen.add(hash);
  });
  const kind = record.kind as (typeof EVIDENCE_KINDS)[number];
  if (FILE_KINDS.includes(kind) && files.length === 0) c.add('$.files', 'no file');
  if (kind === 'messageText') {
    if (typeof record.text !== 'string' || record.text.trim() === '') c.add('$.text', 'missing');
    c.sha256('$.textSha256', record.textSha256);
  } else {
    if (record.text !== undefined) c.add('$.text', 'only for message text');
    if (record.textSha256 !== undefined) c.add('$.textSha256', 'only for message text');
  }
}

const ITEM_FIELDS = [
  'v',
  'id',
  'caseId',
  'kind',
  'files',
  'text',
  'textSha256',
  'captured',
  'details',
  'history',
  'createdAt',
  'updatedAt',
];

/**
 * Every problem in an untrusted evidence item; empty when it is valid. Does not recompute `textSha256`
 * (that needs libsodium and is the verifier's job); it checks the form of every field.
 */
export function checkEvidenceItem(value: unknown): RecordProblem[] {
  const c = new Checker();
  const record = c.object('$', value, ITEM_FIELDS);
  if (record === undefined) return c.problems;
  if (record.v !== EVIDENCE_FORMAT_VERSION) c.add('$.v', 'unsupported version');
  c.uuid('$.id', record.id);
  c.uuid('$.caseId', record.caseId);
  c.oneOf('$.kind', record.kind, EVIDENCE_KINDS);
  checkContent(c, record);
  checkCaptured(c, record.captured);
  checkDetails(c, '$.details', record.details);
  c.array('$.history', record.history).forEach((entry, index) => {
    const path = `$.history[${index}]`;
    const version = c.object(path, entry, ['replacedAt', 'details']);
    c.utc(`${path}.replacedAt`, version?.replacedAt);
    checkDetails(c, `${path}.details`, version?.details);
  });
  checkTimes(c, record);
  return c.problems;
}

/** The value as a Case, or `capture.invalidRecord` naming the first problem. */
export function parseCase(value: unknown): Case {
  const c = new Checker();
  c.problems.push(...checkCase(value));
  c.throwIfAny();
  return value as Case;
}

/** The value as an EvidenceItem, or `capture.invalidRecord` naming the first problem. */
export function parseEvidenceItem(value: unknown): EvidenceItem {
  const c = new Checker();
  c.problems.push(...checkEvidenceItem(value));
  c.throwIfAny();
  return value as EvidenceItem;
}
