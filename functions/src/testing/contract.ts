/**
 * The API's contract, checked on every answer a test sees: the operation (method + path template) is
 * found in the app's own OpenAPI 3.1 document, the status must be one it documents, and a JSON body must
 * match that status's schema (JSON Schema 2020-12, by ajv; `$ref`s into `#/components/schemas`). Other
 * answers (xlsx, docx, csv, files) are checked for status and content type only. So a route whose answer
 * drifts from its declaration fails the test that sees it — the route tests (harness `call`) and the
 * browser suites (every /api/ response the page receives) alike.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

interface MediaType {
  schema?: Json;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  op: Operation;
}

/** The shared id of the components: `#/components/schemas/X` in the document resolves to `components#/$defs/X`. */
const COMPONENTS = 'components';

/** Points a schema's `$ref`s at the components schema ajv holds. */
function retarget<T>(value: T): T {
  if (Array.isArray(value)) return value.map(retarget) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${COMPONENTS}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : retarget(v);
  }
  return out as T;
}

const mediaTypeOf = (contentType: string | null): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

const isJson = (mediaType: string): boolean => /^application\/([\w.+-]+\+)?json$/.test(mediaType);

const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .slice(0, 10)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('; ');

export interface Answer {
  method: string;
  /** The request path (a query string is ignored). */
  path: string;
  status: number;
  contentType: string | null;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  body?: unknown;
  /** Whether the answer has a body at all. */
  hasBody: boolean;
}

export interface Contract {
  /** What is wrong with the answer against the document: [] when it matches or is no operation of it. */
  check(answer: Answer): string[];
  /** Reads a fetch Response (a clone: the caller's body stays unread) and checks it. */
  checkResponse(method: string, path: string, res: Response): Promise<string[]>;
}

export function contractOf(doc: OpenApiDocument): Contract {
  const ajv = new Ajv2020({
    // The document carries OpenAPI's own keywords (example, discriminator …) beside JSON Schema's.
    strict: false,
    allErrors: true,
    logger: false,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS, $defs: retarget(doc.components?.schemas ?? {}) });

  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    );
    const params = (template.match(/\{[^}]+\}/g) ?? []).length;
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && op && 'responses' in op)
        routes.push({ method: method.toUpperCase(), template, pattern, params, op });
    }
  }
  // Literal segments win over parameters (/signals/triage before /signals/{id}), as the router does.
  routes.sort((a, b) => a.params - b.params);

  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (route: Route, status: string, mediaType: string, schema: Json) => {
    const key = `${route.method} ${route.template} ${status} ${mediaType}`;
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(retarget(schema));
      validators.set(key, v);
    }
    return v;
  };

  const check = (a: Answer): string[] => {
    const path = a.path.split('?')[0]!;
    const route = routes.find((r) => r.method === a.method.toUpperCase() && r.pattern.test(path));
    if (!route) return [];
    const where = `${route.method} ${route.template} (${route.op.operationId ?? '?'}) answered ${a.status}`;
    const responses = route.op.responses ?? {};
    const documented =
      responses[String(a.status)] ?? responses[`${String(a.status)[0]}XX`] ?? responses.default;
    if (!documented)
      return [`${where}: the status is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const mediaType = mediaTypeOf(a.contentType);
    const content = documented.content ?? {};
    if (!a.hasBody) return [];
    if (Object.keys(content).length === 0)
      return [`${where}: a body (${mediaType || 'no content type'}) where the document declares none`];
    const declared = content[mediaType] ?? (isJson(mediaType) ? undefined : content['*/*']);
    if (!declared)
      return [
        `${where}: content type ${mediaType || '(none)'} is not one of ${Object.keys(content).join(', ')}`,
      ];
    if (!isJson(mediaType) || !declared.schema) return [];
    const validate = validatorOf(route, String(a.status), mediaType, declared.schema);
    return validate(a.body)
      ? []
      : [`${where}: the body does not match its schema: ${describeErrors(validate.errors)}`];
  };

  return {
    check,
    async checkResponse(method, path, res) {
      const contentType = res.headers.get('content-type');
      const mediaType = mediaTypeOf(contentType);
      if (!isJson(mediaType)) {
        // Only status and type: the bytes of a file stay unread (and the caller's stream untouched).
        const hasBody = res.body !== null && res.status !== 204 && res.headers.get('content-length') !== '0';
        return check({ method, path, status: res.status, contentType, hasBody });
      }
      const text = await res.clone().text();
      if (text === '') return check({ method, path, status: res.status, contentType, hasBody: false });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [`${method} ${path} answered ${res.status}: the ${mediaType} body is not JSON`];
      }
      return check({ method, path, status: res.status, contentType, body, hasBody: true });
    },
  };
}

/** Throws, naming the operation, status and the validator's errors, when the answer breaks the contract. */
export async function assertContract(contract: Contract, method: string, path: string, res: Response) {
  const problems = await contract.checkResponse(method, path, res);
  if (problems.length > 0) throw new ContractError(problems);
}

export class ContractError extends Error {
  constructor(readonly problems: string[]) {
    super(`the answer breaks the API's contract (its OpenAPI document):\n${problems.join('\n')}`);
    this.name = 'ContractError';
  }
}
