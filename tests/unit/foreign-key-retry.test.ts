import { retryOnForeignKeyRace } from '../../src/utils/foreign-key-retry';

/** A comment that lost a race with the article's publish is written again once; nothing else is retried. */
const failing = (errors: unknown[]) => {
  let calls = 0;
  const write = async () => {
    calls += 1;
    const error = errors.shift();
    if (error) throw error;
    return 'written';
  };
  return { write, calls: () => calls };
};

describe('retryOnForeignKeyRace', () => {
  it.each([
    ['a PostgreSQL foreign-key violation', Object.assign(new Error('insert or update on table "comments_article_lnk" violates foreign key constraint'), { code: '23503' })],
    ['PostgreSQL clean-up in the failed transaction', Object.assign(new Error('delete from "comments" - current transaction is aborted, commands ignored'), { code: '25P02' })],
    ['a SQLite foreign-key violation', Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })],
  ])('writes again once after %s', async (_name, error) => {
    const attempt = failing([error]);
    await expect(retryOnForeignKeyRace(attempt.write)).resolves.toBe('written');
    expect(attempt.calls()).toBe(2);
  });

  it('gives up after the second failure, and never retries other errors', async () => {
    const race = Object.assign(new Error('violates foreign key constraint'), { code: '23503' });
    const twice = failing([race, race]);
    await expect(retryOnForeignKeyRace(twice.write)).rejects.toBe(race);
    expect(twice.calls()).toBe(2);
    const other = new Error('comments are closed');
    const once = failing([other]);
    await expect(retryOnForeignKeyRace(once.write)).rejects.toBe(other);
    expect(once.calls()).toBe(1);
  });
});
