/**
 * What a new password must be (OWASP ASVS V2.1): at least the policy's length (never under 12), not a
 * common or guessable password. Guessability is zxcvbn-ts (@zxcvbn-ts/core with the language-common
 * dictionaries: ~40,000 leaked passwords, keyboard walks, repeats, sequences, dates) — maintained,
 * dependency-light and free of install scripts. Its dictionaries are ~1.5 MB, so they load on first use
 * (a lazy chunk of the `api` bundle), only when a password is set, never at cold start.
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@jiandu/shared';
import { EdgeError } from '../app/edge-error.js';

/** zxcvbn score (0–4) a password needs: 3 = "safely unguessable" (≥ 10^8 guesses). */
const MIN_SCORE = 3;

type Checker = { check(password: string, userInputs?: (string | number)[]): Promise<ZxcvbnResult> };
interface ZxcvbnResult {
  score: number;
  sequence: { dictionaryName?: string }[];
}

let checker: Promise<Checker> | undefined;

/** The estimator with its dictionaries, loaded once (and only by the routes that set a password). */
function load(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }) as unknown as Checker,
  );
  return checker;
}

/**
 * Refuses (422 naming `field`) a password that is too short, too long, common or guessable; the
 * user's own names count as guessable words.
 */
export async function assertPasswordAllowed(
  password: string,
  o: { minLength: number; userInputs?: string[]; field?: string },
): Promise<void> {
  const field = o.field ?? 'password';
  const min = Math.max(MIN_PASSWORD_LENGTH, o.minLength);
  const length = [...password].length;
  if (length < min)
    throw new EdgeError('password.tooShort', `a password needs at least ${min} characters`, {
      field,
      extra: { minLength: min },
    });
  if (length > MAX_PASSWORD_LENGTH)
    throw new EdgeError('password.tooLong', `a password has at most ${MAX_PASSWORD_LENGTH} characters`, {
      field,
    });
  const result = await (await load()).check(password, o.userInputs ?? []);
  if (result.score >= MIN_SCORE) return;
  const common = result.sequence.some((s) => s.dictionaryName === 'passwords-common');
  throw new EdgeError(
    common ? 'password.common' : 'password.weak',
    common
      ? 'this password is among commonly used ones; choose another'
      : 'this password is too easy to guess; use a longer phrase of unrelated words',
    { field },
  );
}

/** A one-time password for a reset or a first administrator: 20 characters of a 32-letter alphabet (100 bits). */
export function oneTimePassword(random: (n: number) => Uint8Array): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 letters: no l, o, 0, 1
  const bytes = random(20);
  const chars = [...bytes].map((b) => alphabet[b % 32]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
