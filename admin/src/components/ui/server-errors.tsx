/**
 * A failed write, shown where it belongs: a 4xx that names a field puts the server's message next to that
 * field of the form; a 409 shows the record's current state and offers to retry on it; anything else is
 * one alert that says what happened.
 */
import { Alert, Button, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { fieldErrorText, initialLang, type Lang, useI18n, useT } from '../../i18n/index.js';
import { type ApiError, fieldErrorsOf } from '../../lib/api-client.js';

/**
 * Puts the server's field errors on the form, in the user's language (the one kept on the device unless
 * named); returns true when at least one of them is a form field.
 */
export function applyServerErrors(
  form: FormInstance | undefined,
  err: unknown,
  lang: Lang = initialLang(),
): boolean {
  const fields = fieldErrorsOf(err, (e) => fieldErrorText(lang, e));
  if (!form || !fields.length) return false;
  const registered = new Set(form.getFieldsError().map((e) => e.name.join('/')));
  const known = fields.filter((f) => registered.has(f.name.join('/')));
  form.setFields(known);
  return known.length > 0;
}

/** A failure in the user's language (the catalogue's message for its code): never the server's English. */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { errorText } = useI18n();
  if (!error) return null;
  const message = errorText(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={message}
      closable={onClose ? { onClose } : false}
    />
  );
}

/** A 409: the record as it is now, and the choice to retry the same change on it. */
export function ConflictNotice({
  error,
  renderCurrent,
  onRetry,
  onDiscard,
  canRetry = true,
}: {
  error: ApiError;
  renderCurrent: (current: unknown) => ReactNode;
  onRetry: () => void;
  onDiscard: () => void;
  canRetry?: boolean;
}) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="conflict-notice"
      title={t('error.conflict')}
      description={
        <div>
          <p>{t('error.conflictHint')}</p>
          {error.current ? <div data-testid="conflict-current">{renderCurrent(error.current)}</div> : null}
          <div className="row-gap">
            {canRetry ? (
              <Button type="primary" onClick={onRetry} data-testid="conflict-retry">
                {t('error.retryOnCurrent')}
              </Button>
            ) : null}
            <Button onClick={onDiscard} data-testid="conflict-discard">
              {t('error.discard')}
            </Button>
          </div>
        </div>
      }
    />
  );
}
