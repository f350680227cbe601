/** Every failure the core can report, by area. Tests assert these codes, never message text. */
export const errorCodes = [
  // calendar (owner: calendar/)
  'calendar.invalidDate',
  'calendar.invalidInstant',
  'calendar.invalidTimeZone',
  'calendar.invalidQuarter',
  // scheme
  'scheme.invalid',
  // access (owner: access/)
  'access.adminRolesExclusive',
  'access.noRole',
  // units
  'unit.notFound',
  'unit.cycle',
  /** A move or merge would put a unit under itself or one of its descendants. */
  'unit.moveIntoSubtree',
  /** A move or merge effective before the unit was established (成立日期). */
  'unit.moveBeforeEstablished',
  /** A move or merge effective before the unit's last move or merge took effect. */
  'unit.moveBeforeLast',
  /** The unit has been merged into another (撤并) and can no longer move or take part in a merge. */
  'unit.merged',
  // rectification workflow (owner: rectification/) — add codes of this area here only
  'rectification.forbiddenRole',
  'rectification.invalidTransition',
  'rectification.sameReviewer',
  'rectification.reviewerIsSubmitter',
  'rectification.reasonRequired',
  'rectification.extensionPending',
  'rectification.noExtensionPending',
  'rectification.extensionNotLater',
  'rectification.closed',
  'rectification.invalidInput',
  'rectification.conflict',
  // petitions (owner: petitions/) — add codes of this area here only
  'petition.invalidTransition',
  'petition.forbiddenRole',
  'petition.extensionUsed',
  'petition.extensionTooLong',
  'petition.satisfactionRequired',
  'petition.reasonRequired',
  'petition.invalidIdNumber',
  'petition.extensionTooLate',
  'petition.invalidExtensionDays',
  // ranking and publishing (owner: scoring/, ranking/, publishing/) — add codes of this area here only
  'ranking.alreadyPublished',
  'ranking.supersedesMissing',
  'ranking.reasonRequired',
  'ranking.invalidValue',
  'ranking.duplicateUnit',
  'ranking.cardsMismatch',
  'ranking.alreadySuperseded',
  'ranking.quarterNotEnded',
  'ranking.sanctionsOnLiveQuarter',
  // notice period and objections (owner: notice/) — add codes of this area here only
  /** The scheme sets no notice period, so a quarter is published directly. */
  'notice.notConfigured',
  /** The scheme requires a notice period and the quarter has not been on notice. */
  'notice.required',
  'notice.alreadyOnNotice',
  'notice.notOnNotice',
  /** An objection filed after the notice period ended. */
  'notice.periodOver',
  /** Publication before the notice period ended. */
  'notice.periodNotOver',
  /** Publication while an objection waits for its decision. */
  'notice.objectionsPending',
  /** An objection by someone who is not an officer or leader of the unit it is about. */
  'notice.notOwnUnit',
  /** An input that is not one of the dimension's inputs of the unit's score. */
  'notice.unknownInput',
  /** A reviewer deciding an objection of a unit in their own home unit's subtree. */
  'notice.reviewerInSubtree',
  'notice.alreadyDecided',
  /** An upheld decision without a corrected value, or with a value the input cannot hold. */
  'notice.invalidValue',
  // signals (owner: signals/) — add codes of this area here only
  'signal.invalidUrl',
  'signal.forbiddenRole',
  'signal.alreadyAssigned',
  // funds (owner: funds/) — add codes of this area here only
  'funds.invalid',
  // bulletins (owner: bulletins/) — add codes of this area here only
  'bulletin.invalidMonth',
  'bulletin.monthNotEnded',
  // ledger (owner: ledger/) — add codes of this area here only
  'ledger.brokenChain',
  'ledger.invalidEvent',
  // accountability cases and alerts (owner: cases/) — add codes of this area here only
  'case.invalidTransition',
  'case.forbiddenRole',
  'case.reasonRequired',
  'case.formRequired',
  'alert.invalidTransition',
  'alert.forbiddenRole',
  // aggregates
  'aggregate.unknownUnit',
  // past instants (owner: migration/) — add codes of this area here only
  /** An instant after the server's now beyond the scheme's clock-skew tolerance. */
  'instant.future',
  /** An instant on a day before its unit was established (成立日期). */
  'instant.beforeUnit',
  /** A past instant older than live intake may carry: it enters through the past-records import. */
  'instant.notLive',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
