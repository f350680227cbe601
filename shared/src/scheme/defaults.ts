/**
 * The scheme's defaults for the parts a stored scheme may leave out (scheme.ts): their own module, so the
 * code that reads them (lights, live intake, the built-in scheme) does not build the scheme's schema.
 */

/**
 * How far back live intake may date each record's own instant, in days (scheme data; DESIGN §4.7 "live
 * intake stamps the server's now" — read as: the instant a live record carries is when it happened, and
 * live intake is for what happens now, give or take the lag of ordinary work). Chosen where DESIGN is silent:
 * - a finding's 发现日期, 92: a 督查巡查 tour's findings are written up after the tour, an inspector's
 *   phone keeps offline drafts (DESIGN §7), and an audit report (审计) arrives weeks after its fieldwork
 *   — up to a quarter of ordinary lag (92 days, the longest quarter: every day of the current quarter
 *   stays live on its last day), not more;
 * - a petition's 收到时间, 30: letters forwarded (转送/交办) from the city or the province reach the
 *   county with their first receipt date, in practice within a month;
 * - a signal's 发布时间, 30: monitoring platforms sweep back about a month.
 * Anything older is history: it enters only through the past-records import, with its dry run.
 */
export const LIVE_LOOKBACK_DEFAULT = { discoveredOn: 92, receivedAt: 30, publishedAt: 30 } as const;

/**
 * Traffic lights (三色预警, DESIGN §4.4): the warning window before each kind of deadline, in days counted
 * the way that deadline's rule counts (calendar or working days), and the two plans a record has.
 * Chosen defaults, where DESIGN names no number: a rectification turns yellow in the last 7 days up to its
 * deadline, a petition's acceptance in the last 3, its handling in the last 10, a case in the last 5; a
 * rectification still `assigned` (work not started) 5 days after it was opened is behind its plan; an
 * accountability case is due to be decided (or dismissed) 30 calendar days after it was proposed.
 */
export const LIGHTS_DEFAULT = {
  rectificationWarnDays: 7,
  rectificationStartDays: 5,
  petitionAcceptWarnDays: 3,
  petitionHandleWarnDays: 10,
  caseWarnDays: 5,
  caseDecide: { days: 30, count: 'calendar', rollOffNonWorking: true },
} as const;
