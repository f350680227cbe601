/**
 * Secrets Manager at run time (DESIGN §6: no secret in an environment variable): a secret's JSON read
 * through a lazily loaded client (the SDK chunk loads on first use, so a function that never reads a
 * secret never loads it) and kept for a few minutes per execution environment, so a rotated or edited
 * secret takes effect without a deployment and a busy function asks Secrets Manager rarely.
 */
import * as z from '@jiandu/shared/zod';

/** The header CloudFront adds to each request it sends the API (its value: the origin secret). */
export const ORIGIN_HEADER = 'x-origin-verify';

/** How long a value read is trusted before it is read again. */
export const SECRET_TTL_MS = 5 * 60_000;

/** The SMTP secret: what nodemailer's SMTP transport needs. */
export const smtpSettings = z.object({
  host: z.string().check(z.minLength(1)),
  port: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 465),
  /** TLS from the start (465); false: STARTTLS, required (587). */
  secure: z._default(z.boolean(), true),
  user: z.optional(z.string().check(z.minLength(1))),
  pass: z.optional(z.string().check(z.minLength(1))),
});
export type SmtpSettings = z.infer<typeof smtpSettings>;

/** The group robots' secret: `{}` (the stack's initial value) configures none. */
export const webhookSettings = z.object({
  dingtalk: z.optional(z.object({ url: z.url(), secret: z.optional(z.string().check(z.minLength(1))) })),
  wecom: z.optional(z.object({ url: z.url() })),
});
export type WebhookSettings = z.infer<typeof webhookSettings>;

/** The origin secret: the stack generates it as a plain string. */
export const originSecret = z.string().check(z.minLength(16));

/** Reads a secret's string by id (ARN or name). */
export type SecretSource = (secretId: string) => Promise<string>;

/** Secrets Manager's GetSecretValue, the client made on the first read. */
export function secretsManagerSource(): SecretSource {
  let client: Promise<{ read: SecretSource }> | undefined;
  return async (secretId) => {
    client ??= import('@aws-sdk/client-secrets-manager').then(
      ({ SecretsManagerClient, GetSecretValueCommand }) => {
        const sm = new SecretsManagerClient({});
        return {
          read: async (id: string) => {
            const r = await sm.send(new GetSecretValueCommand({ SecretId: id }));
            if (r.SecretString === undefined) throw new Error(`secret ${id} has no string value`);
            return r.SecretString;
          },
        };
      },
    );
    return (await client).read(secretId);
  };
}

/**
 * One secret, parsed with `schema` (JSON unless `raw`), cached for `ttlMs`. A failed read is not kept, so
 * the next call tries again; a value that does not parse fails loudly (the secret was edited wrongly).
 */
export function cachedSecret<T>(
  source: SecretSource,
  secretId: string,
  schema: z.ZodMiniType<T>,
  opts: { raw?: boolean; ttlMs?: number; clock?: () => number } = {},
): () => Promise<T> {
  const ttl = opts.ttlMs ?? SECRET_TTL_MS;
  const clock = opts.clock ?? Date.now;
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = clock();
    if (cached && now - cached.at < ttl) return cached.value;
    const value = source(secretId).then((s) => schema.parse(opts.raw ? s : JSON.parse(s)));
    const entry = { at: now, value };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return value;
  };
}
