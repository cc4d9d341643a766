import { isBuktiError } from '../src/core/errors';
import {
  SHARE_PROBLEM_PARAM,
  type SharedTextDetails,
  type ShareProblem,
  sharedFileDetails,
  sharedTextDetails,
} from '../src/core/evidence/inbox-details';
import { depositFile, type IdbEnvironment, openVaultDb, type VaultDb, vaultExists } from '../src/core/vault';
import { deleteDeposit } from '../src/core/vault/deposits';

/** Where the manifest's `share_target` posts (vite.config.ts). */
export const SHARE_TARGET_PATH = '/share-target';

/** Options for tests; the service worker uses the defaults. */
export interface ShareTargetOptions {
  dbName?: string;
  now?: () => Date;
}

/**
 * Handles the share sheet's POST: every file, and the title, text and link together, are sealed to the
 * vault's public key as deposits (docs/inbox.md), so this works while Bukti is locked or closed and
 * nothing shared is stored in clear, not even the link. Then it sends the browser to the inbox, or to
 * the app with `?shared=<problem>` when nothing was kept. What was shared is never logged.
 */
export async function receiveShare(
  request: Request,
  env: IdbEnvironment,
  options: ShareTargetOptions = {},
): Promise<Response> {
  const problem = await keepShare(request, env, options);
  const target =
    problem === undefined
      ? new URL('/#/inbox', request.url)
      : new URL(`/?${SHARE_PROBLEM_PARAM}=${problem}#/inbox`, request.url);
  return Response.redirect(target.href, 303);
}

async function keepShare(
  request: Request,
  env: IdbEnvironment,
  options: ShareTargetOptions,
): Promise<ShareProblem | undefined> {
  if (fromAnotherWebsite(request)) return 'refused';
  let db: VaultDb;
  try {
    db = await openVaultDb(env, { name: options.dbName });
  } catch {
    return 'failed';
  }
  try {
    if (!(await vaultExists(db))) return 'no-vault';
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      // A body that is not a readable multipart form: there is nothing to keep.
      return 'nothing';
    }
    const sharedAt = (options.now ?? (() => new Date()))();
    const files = form
      .getAll('files')
      .filter((entry): entry is File => typeof entry !== 'string' && entry.size > 0);
    const text = sharedTextDetails(
      { title: textField(form, 'title'), text: textField(form, 'text'), url: textField(form, 'url') },
      sharedAt,
    );
    if (files.length === 0 && text === undefined) return 'nothing';
    await depositAll(db, files, text, sharedAt);
    return undefined;
  } catch (error) {
    return isBuktiError(error, 'vault.quotaExceeded') ? 'storage-full' : 'failed';
  } finally {
    db.close();
  }
}

/** Deposits one share all or nothing: if one part fails, the parts already sealed are deleted again. */
async function depositAll(
  db: VaultDb,
  files: File[],
  text: SharedTextDetails | undefined,
  sharedAt: Date,
): Promise<void> {
  const kept: string[] = [];
  try {
    for (const file of files)
      kept.push(await depositFile(db, file.stream(), sharedFileDetails(file, sharedAt)));
    // The text fields travel inside the sealed details; the deposit's file is empty.
    if (text !== undefined) kept.push(await depositFile(db, new Uint8Array(0), text));
  } catch (error) {
    await Promise.allSettled(kept.map((id) => deleteDeposit(db, id)));
    throw error;
  }
}

function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * True when a web page on another origin submitted the form. The share sheet sends no referrer (or an
 * `android-app:` one), and Bukti's own pages send their own origin. A site that hides its referrer
 * still gets through, which is why nothing in the inbox becomes evidence until the survivor files it.
 */
function fromAnotherWebsite(request: Request): boolean {
  const referrer = request.referrer;
  if (referrer === '' || referrer === 'about:client') return false;
  let from: URL;
  try {
    from = new URL(referrer);
  } catch {
    return true;
  }
  const isWeb = from.protocol === 'http:' || from.protocol === 'https:';
  return isWeb && from.origin !== new URL(request.url).origin;
}
