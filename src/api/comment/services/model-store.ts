import type { Core } from '@strapi/strapi';

/**
 * A learned model kept in Strapi's core store table, so every instance uses the same one: written with a revision
 * number, cached in memory, and read again when another instance has moved the revision (checked at most once a
 * second). Writers take a row lock (PostgreSQL, MySQL; SQLite serialises writers).
 */
const TABLE = 'strapi_core_store_settings';
const REVISION_CHECK_MS = 1000;

type Knex = Core.Strapi['db']['connection'];

export interface ModelCodec<M> {
  fromJSON(json: string | null | undefined): M | null;
  toJSON(model: M): string;
}

export const modelStore = <M>(strapi: Core.Strapi, key: string, codec: ModelCodec<M>) => {
  const revisionKey = `${key}-revision`;
  let cached: { model: M; revision: number } | null = null;
  let checkedAt = 0;

  const readRevision = async (db: Knex) => Number((await db(TABLE).where({ key: revisionKey }).first('value'))?.value ?? 0);
  const read = async (db: Knex, lock = false) => {
    const query = db(TABLE).where({ key }).first('value');
    return codec.fromJSON((await (lock && strapi.db.dialect.client !== 'sqlite' ? query.forUpdate() : query))?.value);
  };
  const writeRow = async (db: Knex, rowKey: string, value: string) => {
    const updated = await db(TABLE).where({ key: rowKey }).update({ value });
    if (updated === 0) await db(TABLE).insert({ key: rowKey, value, type: 'object', environment: null, tag: null });
  };

  return {
    /** The stored model and its revision, or null when none is stored or it is unreadable. */
    async load(): Promise<{ model: M; revision: number } | null> {
      const model = await read(strapi.db.connection);
      if (!model) return null;
      cached = { model, revision: await readRevision(strapi.db.connection) };
      checkedAt = Date.now();
      return cached;
    },

    /** Stores `model` as the next revision (inside `db`, a transaction when given) and caches it. */
    async save(model: M, db: Knex = strapi.db.connection): Promise<number> {
      const revision = (await readRevision(db)) + 1;
      await writeRow(db, key, codec.toJSON(model));
      await writeRow(db, revisionKey, String(revision));
      cached = { model, revision };
      checkedAt = Date.now();
      return revision;
    },

    /** Read-modify-write under the row lock: `change` gets the stored model (or null) and returns the new one. */
    async update(change: (stored: M | null) => M | Promise<M>): Promise<M> {
      return strapi.db.transaction(async ({ trx }) => {
        const model = await change(await read(trx, true));
        await this.save(model, trx);
        return model;
      });
    },

    /** The model as it is now: the cached one, unless another instance has stored a newer revision. */
    async current(rebuild: () => Promise<M>): Promise<M> {
      if (cached && Date.now() - checkedAt < REVISION_CHECK_MS) return cached.model;
      checkedAt = Date.now();
      const revision = await readRevision(strapi.db.connection);
      if (!cached || cached.revision !== revision) {
        const model = await read(strapi.db.connection);
        if (model) cached = { model, revision };
        else return rebuild();
      }
      return cached.model;
    },

    get revision() {
      return cached?.revision ?? 0;
    },
  };
};
