import { LRUCache } from 'lru-cache';

/**
 * The in-process store of public answers (lru-cache, bounded by size in bytes and by age), with tags: each entry
 * lists the content types it is made of, and `invalidate(tags)` drops every entry carrying one of them. A
 * generation per tag lets a request that was computing while the data changed know not to store its answer.
 */
export interface CachedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  etag: string;
  tags: readonly string[];
}

export interface StoreOptions {
  maxBytes: number;
  ttlSeconds: number;
}

export class ResponseStore {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly generations = new Map<string, number>();

  constructor({ maxBytes, ttlSeconds }: StoreOptions) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 512,
      ttl: ttlSeconds * 1000,
    });
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  /** The generations of `tags` now: pass them back to `set` so a change in between is noticed. */
  snapshot(tags: readonly string[]): number[] {
    return tags.map((tag) => this.generations.get(tag) ?? 0);
  }

  set(key: string, entry: CachedResponse, snapshot: number[]): boolean {
    const changed = entry.tags.some((tag, index) => (this.generations.get(tag) ?? 0) !== snapshot[index]);
    if (changed || entry.body.length > (this.entries.maxSize ?? Infinity)) return false;
    this.entries.set(key, entry);
    return true;
  }

  invalidate(tags: readonly string[]): number {
    for (const tag of tags) this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
    let dropped = 0;
    for (const [key, entry] of this.entries.entries()) {
      if (entry.tags.some((tag) => tags.includes(tag))) {
        this.entries.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }
}
