/**
 * A write that lost a race with a publish: Strapi 5 publishes by replacing the published row, so a comment linked
 * to an article at that moment points at a row that is gone (a foreign-key violation, SQLite or PostgreSQL; on
 * PostgreSQL Strapi's clean-up inside the failed transaction may surface instead, as "transaction is aborted").
 * Such a write is tried again once, when the relation resolves to the new row; any other error is the caller's.
 */
export const isForeignKeyRace = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (
    code === '23503' ||
    code === '25P02' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    /FOREIGN KEY constraint failed|violates foreign key constraint|current transaction is aborted/i.test(message ?? '')
  );
};

export const retryOnForeignKeyRace = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (!isForeignKeyRace(error)) throw error;
    return write();
  }
};
