import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorsZh } from '../../i18n/errors.js';
import { I18nProvider } from '../../i18n/index.js';
import { ApiError } from '../../lib/api-client.js';
import { StepOutcome, useStepRunner } from './step-runner.js';

interface Rec {
  state: string;
  version: number;
  allowedActions?: string[];
}
type Step = { step: 'review' } | { step: 'close' };

afterEach(cleanup);

/** A record's step button, and the runner's outcome below it, as the detail screens use them. */
function Harness({
  version,
  send,
  onDiscard = () => undefined,
}: {
  version: number;
  send: (s: Step, v: number) => Promise<unknown>;
  onDiscard?: (current: Rec | undefined) => void;
}) {
  const runner = useStepRunner<Step>({ version, send });
  return (
    <div>
      <button type="button" data-testid="go" onClick={() => runner.quiet({ step: 'review' })}>
        go
      </button>
      <StepOutcome<Step, Rec>
        runner={runner}
        stepName={(s) => s.step}
        renderCurrent={(cur) => <span>{`${cur.state} v${cur.version}`}</span>}
        onDiscard={onDiscard}
      />
    </div>
  );
}

const mount = (props: Parameters<typeof Harness>[0]) =>
  render(
    <I18nProvider lang="zh-CN">
      <App>
        <Harness {...props} />
      </App>
    </I18nProvider>,
  );

const conflict = (current: Rec | undefined) =>
  new ApiError(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'conflict.version',
    ...(current ? { current } : {}),
  });

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('running a step at a version', () => {
  it('sends the version shown, and no notice follows a success', async () => {
    const send = vi.fn().mockResolvedValue({});
    mount({ version: 3, send });
    await click('go');
    expect(send).toHaveBeenCalledWith({ step: 'review' }, 3);
    expect(screen.queryByTestId('conflict-notice')).toBeNull();
    expect(screen.queryByTestId('error-alert')).toBeNull();
  });

  it('on a conflict shows the current state (in Chinese) and retries the same step on its version', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(conflict({ state: 'under_review', version: 5, allowedActions: ['review'] }))
      .mockResolvedValueOnce({});
    mount({ version: 3, send });
    await click('go');
    expect(screen.getByTestId('conflict-notice').textContent).toContain('该记录已被他人修改');
    expect(screen.getByTestId('conflict-current').textContent).toBe('under_review v5');
    expect(screen.getByTestId('conflict-retry').textContent).toBe('在当前状态上重试');
    await click('conflict-retry');
    expect(send).toHaveBeenLastCalledWith({ step: 'review' }, 5);
    expect(screen.queryByTestId('conflict-notice')).toBeNull();
  });

  it('offers no retry when the current record no longer allows the step', async () => {
    mount({
      version: 3,
      send: vi.fn().mockRejectedValue(conflict({ state: 'closed', version: 6, allowedActions: [] })),
    });
    await click('go');
    expect(screen.getByTestId('conflict-notice')).toBeTruthy();
    expect(screen.queryByTestId('conflict-retry')).toBeNull();
  });

  it('discarding hands the current record to the screen to show it, and clears the notice', async () => {
    const onDiscard = vi.fn();
    const current = { state: 'decided', version: 4 };
    mount({ version: 3, send: vi.fn().mockRejectedValue(conflict(current)), onDiscard });
    await click('go');
    await click('conflict-discard');
    expect(onDiscard).toHaveBeenCalledWith(current);
    expect(screen.queryByTestId('conflict-notice')).toBeNull();
  });

  it('shows any other failure as one alert with the message of its code, not the code nor the server’s English', async () => {
    const refused = new ApiError(422, {
      type: 'about:blank',
      title: 'Refused',
      status: 422,
      code: 'case.invalidTransition',
      detail: 'not now',
    });
    mount({ version: 3, send: vi.fn().mockRejectedValue(refused) });
    await click('go');
    expect(screen.queryByTestId('conflict-notice')).toBeNull();
    const text = screen.getByTestId('error-alert').textContent ?? '';
    expect(text).toContain(errorsZh['case.invalidTransition']);
    expect(text).not.toContain('case.invalidTransition');
    expect(text).not.toContain('not now');
  });
});
