/**
 * A core-schema issue found before sending, as a message in the user's language (the schema's own
 * messages are English): empty or missing → "fill this in"; anything else → "this value is not valid".
 */
import type { MessageKey } from '../i18n/index.js';

interface Issue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
}

export function issueMessage(t: (k: MessageKey) => string, issue: Issue): string {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  if (empty) return t('findings.required');
  return t('error.invalidValue');
}

/** antd form fields of the issues: path as a name, the message in the user's language. */
export function issueFields(
  t: (k: MessageKey) => string,
  issues: Issue[],
  rename: (name: (string | number)[]) => (string | number)[] = (n) => n,
) {
  return issues.map((i) => ({
    name: rename(i.path.filter((p): p is string | number => typeof p !== 'symbol')),
    errors: [issueMessage(t, i)],
  }));
}
