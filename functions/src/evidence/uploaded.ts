/**
 * Naming uploaded files in a request (an objection's evidence, a finding's photos): each must be bytes the
 * caller stored themself (proof of possession, evidence-store.ts), and becomes an evidence entry with its
 * id, when and by whom.
 */
import type { Evidence, EvidenceFile } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { EdgeError, notFound } from '../app/edge-error.js';
import { evidenceOwner } from './evidence-store.js';

/** Refuses (422, naming `<field>/<i>/sha256`) a file the caller did not upload. */
export async function requireUploaded(
  deps: Pick<Deps, 'evidence'>,
  principalId: string,
  files: readonly EvidenceFile[],
  field: string,
): Promise<void> {
  const owner = evidenceOwner(principalId);
  for (const [i, f] of files.entries())
    if (!(await deps.evidence.has({ owner, sha256: f.sha256 }, f.size)))
      throw new EdgeError('evidence.notUploaded', 'upload the file first (POST /api/v1/evidence/uploads)', {
        field: `${field}/${i}/sha256`,
      });
}

/** The entries a record stores for files named in a request. */
export const evidenceEntries = (
  deps: Pick<Deps, 'newId'>,
  files: readonly EvidenceFile[],
  at: string,
  by: string,
): Evidence[] => files.map((f) => ({ ...f, id: deps.newId(), at, by }));

/**
 * A signed URL for one entry of a record the caller may see (the caller checked that): 404 for an id the
 * record does not name. The bytes are in the folder of whoever attached them (the entry's `by`).
 */
export async function signedDownload(
  deps: Pick<Deps, 'evidence' | 'clock'>,
  files: readonly Evidence[] | undefined,
  evidenceId: string,
  disposition: 'attachment' | 'inline',
) {
  const file = files?.find((e) => e.id === evidenceId);
  if (!file) throw notFound('evidence');
  return deps.evidence.signDownload(
    { ...file, owner: evidenceOwner(file.by), inline: disposition === 'inline' },
    deps.clock(),
  );
}
