/** Every failure the core can report, by area. Tests assert these codes, never message text. */
export const errorCodes = [
  // calendar
  'calendar.invalidDate',
  'calendar.invalidInstant',
  'calendar.invalidTimeZone',
  'calendar.invalidQuarter',
  // scheme
  'scheme.invalid',
  // units
  'unit.notFound',
  'unit.cycle',
  // rectification workflow
  'rectification.forbiddenRole',
  'rectification.invalidTransition',
  'rectification.sameReviewer',
  'rectification.reviewerIsSubmitter',
  'rectification.reasonRequired',
  'rectification.extensionPending',
  'rectification.noExtensionPending',
  'rectification.extensionNotLater',
  'rectification.closed',
  // petitions
  'petition.invalidTransition',
  'petition.forbiddenRole',
  'petition.extensionUsed',
  'petition.extensionTooLong',
  'petition.satisfactionRequired',
  'petition.reasonRequired',
  'petition.invalidIdNumber',
  // ranking and publishing
  'ranking.alreadyPublished',
  'ranking.supersedesMissing',
  'ranking.reasonRequired',
  // ledger
  'ledger.brokenChain',
  // aggregates
  'aggregate.unknownUnit',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
