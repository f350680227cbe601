/**
 * Who may do what (DESIGN §1), in ONE table: every route declares the capability it needs, every service
 * and state machine asks `can(roles, capability)`, and the SPA shows menus and buttons from the same
 * table. No other file lists roles.
 *
 * Separation of duties (三员分立, MLPS 2.0 level 3): the system administrator (units, people and posts,
 * users, schemes), the security administrator (roles, account states, password and lockout policy) and
 * the audit administrator (the operation log, nothing else) are three people; see `roles.ts`.
 */
import type { Role } from '../schemas/enums.js';

/** Everyone who works on the programme's records, and the system administrator who sets it up. */
const READERS = ['inspector', 'supervisor', 'reviewer', 'unit_officer', 'viewer', 'admin'] as const;
/** Every role, the security and audit administrators included (the org chart, the scheme, one's inbox). */
const EVERYONE = [...READERS, 'security_admin', 'audit_admin'] as const;
/**
 * Petitions carry whistleblowers' identity (masked in every answer): only those who handle them
 * (supervisors) and inspectors, who see everything in their jurisdiction, read them.
 */
const PETITION_READERS = ['supervisor', 'inspector'] as const;
const CASE_READERS = ['inspector', 'supervisor', 'viewer'] as const;

export const CAPABILITIES = {
  // organisation and set-up (system administrator)
  'unit.read': EVERYONE,
  'unit.manage': ['admin'],
  /** Moving a county's organisation in from spreadsheets (units, people, posts; issue 14). */
  'org.import': ['admin'],
  'scheme.read': EVERYONE,
  'scheme.manage': ['admin'],
  'notification.manage': ['admin'],
  'jobs.read': ['admin', 'supervisor'],
  // accounts: the system administrator creates users with their working roles; the security
  // administrator changes roles and account states and sets the password and lockout policy.
  'user.read': ['admin', 'security_admin'],
  'user.create': ['admin'],
  'user.roles': ['security_admin'],
  /** Disable and re-enable a user, lift a lockout, reset a password (one-time, changed at next sign-in). */
  'user.state': ['security_admin'],
  'account.policy': ['security_admin'],
  // the operation log (操作日志): the audit administrator only
  'oplog.read': ['audit_admin'],
  // one's own inbox and password
  'self.inbox': EVERYONE,
  /** Changing one's own password (also the only thing a session that must change it may do). */
  'self.account': EVERYONE,
  /** 工作台: the home page of one's roles in one request (each section by its own capability). */
  'home.read': READERS,
  // findings
  'finding.read': READERS,
  'finding.create': ['inspector'],
  // rectifications: who assigns, who works, who reviews, who looks back (回头看), who extends
  'rectification.read': READERS,
  'rectification.assign': ['supervisor', 'inspector'],
  'rectification.work': ['unit_officer'],
  'rectification.review': ['reviewer'],
  'rectification.reopen': ['inspector', 'supervisor'],
  'rectification.decideExtension': ['supervisor'],
  'evidence.read': READERS,
  'ledger.import': ['inspector', 'supervisor'],
  /** What each migration import did (迁移记录), for those who import: inspectors, supervisors, the admin. */
  'migration.read': ['inspector', 'supervisor', 'admin'],
  /**
   * The past-records import (历史数据导入, DESIGN §4.7): findings, petitions, signals and indicators of
   * past quarters, with their past instants. The poverty office (督查室) moves a county in: it handles
   * petitions (so may register their identities), ingests signals and sets targets; an inspector logs
   * findings live but does not carry a county's history in.
   */
  'history.import': ['supervisor'],
  // petitions: handled by supervisors only — not the admin (whistleblower protection, §6), not the
  // inspector (reads, does not handle), not the unit officer (the unit a petition is about)
  'petition.read': PETITION_READERS,
  'petition.handle': ['supervisor'],
  'petition.reveal': ['supervisor'],
  // opinion signals
  'signal.read': READERS,
  'signal.ingest': ['supervisor'],
  'signal.triage.read': ['supervisor', 'inspector', 'viewer'],
  'signal.assign': ['supervisor'],
  // indicators and targets: the poverty office sets targets; a unit officer reports its own actuals
  'indicator.read': READERS,
  'indicator.manage': ['supervisor'],
  'indicator.report': ['supervisor', 'unit_officer'],
  // rankings, cards
  'ranking.read': READERS,
  'ranking.publish': ['supervisor'],
  /** A unit officer sees its own unit's place with its neighbours in the peer group (DESIGN §7). */
  'ranking.ownUnit': ['unit_officer'],
  /** 公示: a supervisor puts a quarter's draft on notice (DESIGN §4.2). */
  'ranking.notice': ['supervisor'],
  /**
   * 异议: a unit's officers and its leaders (领导, the viewer role) object to their own unit's score; the
   * core (notice/objections.ts) checks that the unit is their home unit.
   */
  'ranking.object': ['unit_officer', 'viewer'],
  /** A reviewer (复核人) outside the unit's subtree decides an objection; the queue is theirs. */
  'ranking.decideObjection': ['reviewer'],
  // accountability cases: inspectors move them on (DESIGN §1 "open accountability cases")
  'case.read': CASE_READERS,
  'case.act': ['inspector'],
  // alerts
  'alert.read': READERS,
  'alert.act': ['supervisor'],
  // reminders (督办单/催办, issue 16): supervisors issue them; the responsible unit's officers and the
  // readers of records see them (a reminder on a petition only those who read petitions)
  'reminder.issue': ['supervisor'],
  'reminder.read': READERS,
  /** Marking a reminder read: the people of the responsible unit it reached (their home unit's users). */
  'reminder.ack': READERS,
  // bulletins
  'bulletin.read': READERS,
  'bulletin.issue': ['supervisor'],
  // funds: the poverty office opens projects; a unit officer records its own unit's entries
  'fund.read': READERS,
  'fund.project.manage': ['supervisor'],
  'fund.entry.create': ['supervisor', 'unit_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export const capabilities = Object.keys(CAPABILITIES) as Capability[];

/** Whether any of `roles` has `capability`. */
export const can = (roles: readonly Role[], capability: Capability): boolean =>
  roles.some((r) => (CAPABILITIES[capability] as readonly Role[]).includes(r));

/** The roles that have `capability` (for documents and tests). */
export const rolesWith = (capability: Capability): readonly Role[] => CAPABILITIES[capability];

/** The first of `roles` that has `capability` (the role an event is recorded under), or null. */
export const roleWithCapability = (roles: readonly Role[], capability: Capability): Role | null =>
  roles.find((r) => (CAPABILITIES[capability] as readonly Role[]).includes(r)) ?? null;
