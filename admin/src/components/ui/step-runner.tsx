/**
 * One workflow step on a record, at the version the user saw (cases, petitions, rectifications): the
 * step is sent with that version as `expectedVersion`; a 409 shows the record as the server says it is
 * now (the problem's `current`) and offers the same step on that version, or to drop it and show the
 * record as it is; any other failure is one alert. The screens keep their buttons and dialogs.
 */
import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { ApiError } from '../../lib/api-client.js';
import { ConflictNotice, ErrorAlert } from './server-errors.js';

/** What a conflict's `current` carries: the version, and the steps the caller may take now (if said). */
export interface Versioned {
  version: number;
  allowedActions?: readonly string[];
}

const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.isConflict;

export interface StepRunner<S> {
  /**
   * Sends the step at `version` (the record's, by default). Resolves on success and on a conflict (shown
   * by <StepOutcome>); rejects on any other failure, so a dialog can stay open next to its error.
   */
  run: (step: S, version?: number) => Promise<void>;
  /** `run` for a button: the failure is shown by <StepOutcome>, not thrown. */
  quiet: (step: S) => Promise<void>;
  /** The step that failed last, and why. */
  failed: { error: unknown; step: S } | null;
  clear: () => void;
}

export function useStepRunner<S>(opts: {
  /** The version of the record as shown. */
  version: number;
  send: (step: S, expectedVersion: number) => Promise<unknown>;
  /** After a success or a conflict: e.g. close the step's dialog. */
  onSettled?: () => void;
}): StepRunner<S> {
  const t = useT();
  const { message } = App.useApp();
  const [failed, setFailed] = useState<{ error: unknown; step: S } | null>(null);
  const run = async (step: S, version = opts.version) => {
    setFailed(null);
    try {
      await opts.send(step, version);
      message.success(t('common.done'));
      opts.onSettled?.();
    } catch (e) {
      setFailed({ error: e, step });
      if (!isConflict(e)) throw e;
      opts.onSettled?.();
    }
  };
  return { run, quiet: (step) => run(step).catch(() => undefined), failed, clear: () => setFailed(null) };
}

/**
 * Below a record's steps: the conflict of the last step (the current state, retry on it, or discard) or
 * its error. `dialogOpen`: a dialog shows its own error, so the alert waits until it is closed.
 */
export function StepOutcome<S, R extends Versioned>({
  runner,
  stepName,
  renderCurrent,
  onDiscard,
  dialogOpen = false,
}: {
  runner: StepRunner<S>;
  /** The step's name, as `allowedActions` lists it: no retry is offered for a step no longer allowed. */
  stepName: (step: S) => string;
  renderCurrent: (current: R) => ReactNode;
  /** After discarding: show the record as it is now (`current`, when the server sent it). */
  onDiscard: (current: R | undefined) => void;
  dialogOpen?: boolean;
}) {
  const { failed } = runner;
  if (!failed) return null;
  if (isConflict(failed.error)) {
    // The problem's `current` is the record as the caller may see it now (or absent if it is gone).
    const current = (failed.error.current ?? undefined) as R | undefined;
    const allowed = current?.allowedActions;
    return (
      <div className="banner" style={{ marginTop: 12 }}>
        <ConflictNotice
          error={failed.error}
          canRetry={
            current !== undefined && (allowed === undefined || allowed.includes(stepName(failed.step)))
          }
          renderCurrent={(c) => renderCurrent(c as R)}
          onRetry={() => {
            if (current) runner.run(failed.step, current.version).catch(() => undefined);
          }}
          onDiscard={() => {
            runner.clear();
            onDiscard(current);
          }}
        />
      </div>
    );
  }
  if (dialogOpen) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={failed.error} onClose={runner.clear} />
    </div>
  );
}
