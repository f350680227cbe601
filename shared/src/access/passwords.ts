/**
 * The password lengths no account policy may leave (OWASP ASVS 2.1.1, 2.1.2): the server's checks and the
 * API's schema of a policy read the same numbers. Their own module, light enough for any code to import.
 */

/** The floor no policy may go below (ASVS 2.1.1). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (ASVS 2.1.2 allows ≥ 64; scrypt hashes any length). */
export const MAX_PASSWORD_LENGTH = 128;
