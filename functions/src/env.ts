/**
 * The environment, parsed once with zod at start-up (STYLE: "environment once"). Nothing else reads
 * process.env. The CDK stack sets the same names on every function.
 */
import { z } from 'zod';

const envSchema = z.object({
  TABLE_NAME: z.string().min(1).default('jiandu'),
  /** DynamoDB endpoint override (DynamoDB Local); absent in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('local'),
  /** Token issuer and audience the API accepts. */
  AUTH_ISSUER: z.string().min(1).default('jiandu-local'),
  AUTH_AUDIENCE: z.string().min(1).default('jiandu'),
  /** JWKS of the issuer (Cognito or any OIDC); absent locally, where the built-in issuer's keys are used. */
  AUTH_JWKS_URL: z.url().optional(),
  /** Claims holding roles and home unit (Cognito: cognito:groups, custom:unit). */
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_UNIT_CLAIM: z.string().min(1).default('unit'),
  /** Local data directory (DynamoDB Local files, keys, digests, mail). */
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** KMS key for petitioner PII in AWS; absent locally (a key file under DATA_DIR). */
  PII_KMS_KEY_ID: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return r.data;
}
