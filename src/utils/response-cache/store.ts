import { LRUCache } from 'lru-cache';
import { encode, type Encoding } from './encoding';

/**
 * The in-process store of public answers (lru-cache, bounded by size in bytes and by age), with tags: each entry
 * lists the content types it is made of, and `invalidate(tags)` drops every entry carrying one of them. A
 * generation per tag lets a request that was computing while the data changed know not to store its answer. An
 * entry also keeps the encoded variants of its body it was asked for (brotli, gzip), counted in the byte budget.
 */
export interface CachedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  etag: string;
  tags: readonly string[];
  /** Whether the body is worth compressing (type and size: ./encoding.ts `worthCompressing`). */
  compressible: boolean;
  /** The body in each content coding asked for so far. */
  variants: Partial<Record<Encoding, Buffer>>;
}

const bytesOf = (entry: CachedResponse) => entry.body.length + (entry.variants.br?.length ?? 0) + (entry.variants.gzip?.length ?? 0);

export interface StoreOptions {
  maxBytes: number;
  ttlSeconds: number;
}

export class ResponseStore {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly generations = new Map<string, number>();
  /** Compressions under way, by the entry's variants (shared by the copies `addVariant` keeps). */
  private readonly compressing = new WeakMap<CachedResponse['variants'], Partial<Record<Encoding, Promise<Buffer>>>>();

  constructor({ maxBytes, ttlSeconds }: StoreOptions) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => bytesOf(entry) + key.length + 512,
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
    if (changed || bytesOf(entry) > (this.entries.maxSize ?? Infinity)) return false;
    this.entries.set(key, entry);
    return true;
  }

  /**
   * Keeps an encoded variant with its entry, if the entry is still the one kept under `key` (not dropped or
   * replaced meanwhile); its age is unchanged, its size counted again.
   */
  addVariant(key: string, entry: CachedResponse, encoding: Encoding, body: Buffer): void {
    if (this.entries.peek(key)?.variants !== entry.variants || bytesOf(entry) + body.length + key.length + 512 > (this.entries.maxSize ?? Infinity)) return;
    entry.variants[encoding] = body;
    // A new object, sharing the variants: lru-cache counts an entry's size again only when the value changes.
    this.entries.set(key, { ...entry }, { noUpdateTTL: true });
  }

  /**
   * The entry's body in `encoding`: the kept variant, or one compression shared by every request asking meanwhile,
   * then kept with the entry (when it still fits).
   */
  variant(key: string, entry: CachedResponse, encoding: Encoding): Buffer | Promise<Buffer> {
    const kept = entry.variants[encoding];
    if (kept) return kept;
    const pending = this.compressing.get(entry.variants) ?? {};
    this.compressing.set(entry.variants, pending);
    const running = pending[encoding];
    if (running) return running;
    const done = encode(entry.body, encoding).then(
      (body) => {
        delete pending[encoding];
        this.addVariant(key, entry, encoding, body);
        return body;
      },
      (error: unknown) => {
        delete pending[encoding];
        throw error;
      }
    );
    pending[encoding] = done;
    return done;
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

  /** The bytes the entries count for against the budget (bodies, variants, keys). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }
}
