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
