import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import { type DraftProblem, draftToInput, lastAccountItem } from '../../../core/evidence/details-draft';
import type { DetailsInput } from '../../../core/evidence/records';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { parseUrl } from '../../../core/url/parse';
import { useVaultData } from '../../hooks/use-vault-data';
import { session } from '../../state/session';
import { type CaptureDetails, EMPTY_DETAILS } from './DetailsFields';
import { DetailsStep } from './DetailsStep';
import { mediaDuration } from './media';
import { type Saved, SavedStep } from './SavedStep';
import { type Chosen, WhatStep } from './WhatStep';

type Step = 'what' | 'details' | 'saved';
type Failure = { key: MessageKey; params?: MessageParams };

function failureOf(error: unknown): Failure {
  return { key: isBuktiError(error) ? error.code : 'error.unexpected', params: { detail: 'capture' } };
}

/**
 * Adding one item to a case, one step at a time: what it is, its details (always starting empty),
 * then a confirmation where the eye is. `onAdded` tells the case to read its items again; `onDone`
 * leaves the flow.
 */
export function CaptureFlow({
  caseId,
  onAdded,
  onDone,
}: {
  caseId: string;
  onAdded: () => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState<Step>('what');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [details, setDetails] = useState<CaptureDetails>(EMPTY_DETAILS);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(0);
  const [saved, setSaved] = useState<Saved | null>(null);
  const { data: items, reload } = useVaultData(() => session.vault.listItems(caseId), [caseId]);
  const root = useRef<HTMLDivElement>(null);

  // Each step starts at the top of the page, its heading focused, so what changed is where the eye
  // and the screen reader are (and the quick exit stays in sight).
  // A layout effect, so focus moves before the next key press can land, however busy the device.
  const firstStep = useRef(true);
  useLayoutEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    root.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [step]);
  // Once problems are shown, they follow the fields as the person fixes them.
  useEffect(() => {
    if (problems.length === 0) return;
    const result = draftToInput(details);
    setProblems(result.ok ? [] : result.problems);
  }, [details]);

  const choose = useCallback((next: Chosen) => {
    setChosen(next);
    // Nothing carries over from the item before: every item starts with empty details.
    setDetails(next.kind === 'link' ? { ...EMPTY_DETAILS, contentUrl: next.link } : EMPTY_DETAILS);
    setProblems([]);
    setFailure(null);
    setStep('details');
  }, []);

  const restart = () => {
    setChosen(null);
    setSaved(null);
    setFailure(null);
    setStep('what');
  };

  const store = async (what: Chosen, input: DetailsInput) => {
    if (what.kind === 'files') {
      setBusy(what.files.length);
      const incoming = await Promise.all(
        what.files.map(async (file) => ({
          blob: file,
          name: file.name || 'pasted',
          type: file.type,
          lastModified: file.lastModified,
          durationSeconds: await mediaDuration(file, file.type),
        })),
      );
      const result = await session.vault.captureFiles(caseId, incoming, input);
      return { added: result.added, duplicates: result.duplicates };
    }
    const item = await session.vault.captureWithoutFile(
      what.kind === 'link'
        ? { caseId, kind: 'webLink', details: input }
        : { caseId, kind: 'messageText', text: what.text, details: input },
    );
    return { added: [item], duplicates: [] };
  };

  const checked = () => {
    const result = draftToInput(details);
    setProblems(result.ok ? [] : result.problems);
    return result.ok ? result.input : undefined;
  };

  const save = async () => {
    if (!chosen) return;
    setFailure(null);
    if (chosen.kind === 'link' && !parseUrl(details.contentUrl).ok)
      return setFailure({ key: details.contentUrl.trim() === '' ? 'flow.link.needed' : 'capture.notALink' });
    if (chosen.kind === 'message' && chosen.text.trim() === '')
      return setFailure({ key: 'flow.message.needed' });
    const input = checked();
    if (!input) return;
    try {
      const result = await store(chosen, input);
      setSaved(result);
      setStep('saved');
      reload();
      onAdded();
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(0);
    }
  };

  return (
    <div ref={root} class="capture-flow">
      {step === 'what' && <WhatStep onChosen={choose} />}
      {step === 'details' && chosen && (
        <DetailsStep
          chosen={chosen}
          onChosen={setChosen}
          details={details}
          onDetails={setDetails}
          problems={problems}
          failure={failure}
          busy={busy}
          items={items ?? []}
          lastAccount={lastAccountItem(items ?? [])}
          onSave={save}
          onBack={restart}
          onCancel={onDone}
        />
      )}
      {step === 'saved' && saved && (
        <SavedStep
          saved={saved}
          caseId={caseId}
          items={items ?? []}
          onLinked={() => {
            reload();
            onAdded();
          }}
          onAnother={restart}
          onDone={onDone}
        />
      )}
    </div>
  );
}
