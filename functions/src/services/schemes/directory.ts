/**
 * The scheme in force, cached like the unit directory: the newest stored version (one item read), or the
 * fallback (the built-in default) when none is stored; refreshed after a new version or after `ttlMs`.
 */
import type { Scheme } from '@jiandu/shared';
import { type RecordStore, SYSTEM_ACTOR } from '../../store/record-store.js';

/** What a stored scheme record holds. */
export interface StoredScheme {
  scheme: Scheme;
  storedAt: string;
  storedBy: string;
  reason?: string | null;
}

export class SchemeDirectory {
  private cached: { scheme: Scheme; at: number } | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: RecordStore,
    /** The version in force before any is stored (it stays in the history once others are). */
    readonly fallback: Scheme,
    private readonly clock: () => number,
    private readonly ttlMs = 60_000,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  /** The newest stored version (gsi1 sorted by version, newest first: one item read), or the fallback. */
  private async load(): Promise<void> {
    const page = await this.store.list<StoredScheme>('scheme', { limit: 1, caller: SYSTEM_ACTOR.id });
    this.cached = { scheme: page.items[0]?.data.scheme ?? this.fallback, at: this.clock() };
  }

  async current(): Promise<Scheme> {
    if (!this.cached || this.clock() - this.cached.at >= this.ttlMs) {
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    return this.cached!.scheme;
  }
}
