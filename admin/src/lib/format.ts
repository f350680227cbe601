/** Dates in the scheme's time zone (Asia/Shanghai unless the scheme says otherwise), money in yuan. */
let timeZone = 'Asia/Shanghai';
export const setTimeZone = (tz: string) => {
  timeZone = tz;
};
export const getTimeZone = () => timeZone;

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fmtCache.set(tz, f);
  }
  return f;
}

/** "2025-03-31 09:00" in the scheme's zone. */
export function fmtInstant(iso: string | null | undefined, tz = timeZone): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = Object.fromEntries(
    dtf(tz)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Today's local date in the scheme's zone. */
export const todayLocal = (now = Date.now(), tz = timeZone): string =>
  fmtInstant(new Date(now).toISOString(), tz).slice(0, 10);

/** The current time as ISO 8601 with the zone's offset (what the API expects). */
export function nowInstant(now = Date.now(), tz = timeZone): string {
  const local = fmtInstant(new Date(now).toISOString(), tz).replace(' ', 'T');
  const asUtc = Date.parse(`${local}:00Z`);
  const offMin = Math.round((asUtc - Math.floor(now / 60000) * 60000) / 60000);
  const sign = offMin >= 0 ? '+' : '-';
  const a = Math.abs(offMin);
  return `${local}:00${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** "2025-03-31T09:00" typed in the scheme's zone → "2025-03-31T09:00:00+08:00". */
export function localToInstant(local: string, tz = timeZone): string | null {
  const guess = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(guess)) return null;
  const shown = Date.parse(`${fmtInstant(new Date(guess).toISOString(), tz).replace(' ', 'T')}:00Z`);
  return nowInstant(guess - (shown - guess), tz);
}

export function currentQuarter(now = Date.now()): string {
  const d = todayLocal(now);
  return `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

export function recentQuarters(n: number, now = Date.now()): string[] {
  const q = currentQuarter(now);
  let y = Number(q.slice(0, 4));
  let k = Number(q.slice(5));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}Q${k}`);
    k -= 1;
    if (k === 0) {
      k = 4;
      y -= 1;
    }
  }
  return out;
}

export function recentMonths(n: number, now = Date.now()): string[] {
  const d = todayLocal(now);
  let y = Number(d.slice(0, 4));
  let m = Number(d.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** Integer fen → "1,234.56" yuan. */
export function fenToYuan(fen: number | null | undefined): string {
  const f = Math.round(fen ?? 0);
  const neg = f < 0;
  const abs = Math.abs(f);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${neg ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A decimal amount typed by a person → integer fen, exactly (string arithmetic, no float drift): `places`
 * decimals allowed, one unit = `10^places` fen. Empty → 0; null when not a valid amount.
 */
function decimalToFen(
  input: string | number | null | undefined,
  places: number,
  digits: number,
): number | null {
  if (input === null || input === undefined || input === '') return 0;
  const s = String(input)
    .trim()
    .replace(/[,，\s]/g, '');
  const m = new RegExp(`^(\\d{1,${digits}})(?:\\.(\\d{0,${places}}))?$`).exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 10 ** places + Number((m[2] ?? '').padEnd(places, '0'));
  // Any amount the API can hold (fenSchema: a safe integer) is typed back exactly; beyond, it is refused.
  return Number.isSafeInteger(fen) ? fen : null;
}

/** "1234.5" yuan → 123450 fen. */
export const yuanToFen = (input: string | number | null | undefined): number | null =>
  decimalToFen(input, 2, 14);

/**
 * "12.3456" 万元 → 123456000 fen: ledgers and bulletins speak 万元, so amounts are typed in it; six
 * decimals reach the fen (1 万元 = 1,000,000 fen).
 */
export const wanToFen = (input: string | number | null | undefined): number | null =>
  decimalToFen(input, 6, 10);

/** Integer fen → "12.3456" 万元, exactly (as many decimals as needed, at most six). */
export function fenToWanExact(fen: number | null | undefined): string {
  const f = Math.round(fen ?? 0);
  const abs = Math.abs(f);
  const frac = String(abs % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${f < 0 ? '-' : ''}${Math.floor(abs / 1_000_000).toLocaleString('en-US')}${frac ? `.${frac}` : ''}`;
}

/** Hundredths of a point → "97.50". */
export const points = (h: number): string => (h / 100).toFixed(2);

/** Basis points → "92.5%". */
export const percentBp = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(1)}%`;

export const shortHash = (h: string | null | undefined): string =>
  h ? `${h.slice(0, 8)}…${h.slice(-4)}` : '—';
