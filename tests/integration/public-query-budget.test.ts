import fc from 'fast-check';
import type { UID } from '@strapi/strapi';
import { seedDemoContent } from '../../src/seed/demo-content';
import { PUBLIC_ROUTES, type FilterSpec, type PopulateSpec, type QuerySpec } from '../../src/utils/public-query/allowlist';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The query budget against a real Strapi with seeded programs, topics, articles and approved comments. Every query
 * the allowlist accepts, on every public route, is refused with a 400 naming a limit or answered 200, and the
 * database is never asked a statement whose cost multiplies: a tripwire on the query engine's connection refuses
 * (as a 500) any SELECT that joins more than one relation at one level, or more relations than the budget allows.
 * The 200s are the same rows with relation conditions as semi-joins as with Strapi's own joins.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- bench/ is plain JavaScript, outside the TypeScript project
const { seedScale } = require('../../bench/seed-scale') as { seedScale: (strapi: unknown, sizes: Record<string, number>) => Promise<unknown> };

type Query = Record<string, unknown>;
type Answer = { status: number; body: { data?: unknown; meta?: { pagination?: { total?: number } }; error?: { message: string; details?: { errors?: Array<{ path: string[] }> } } } };

let app: TestApp;
const MAX_JOINS = 6;
/** A relation through its link table is two joins; comments add one condition of their own on the article. */
const JOINS_PER_RELATION = 2;
const tripwire = { perLevel: true, maxTotal: JOINS_PER_RELATION * (MAX_JOINS + 1), seen: 0 };

/** The most joins at any one SELECT level of a statement (subqueries count apart), and in the whole statement. */
const joinsOf = (sql: string) => {
  const levels = [0];
  let widest = 0;
  let total = 0;
  for (const token of sql.match(/\(|\)|\bjoin\b/gi) ?? []) {
    if (token === '(') levels.push(0);
    else if (token === ')') widest = Math.max(widest, levels.pop() ?? 0);
    else {
      levels[levels.length - 1] += 1;
      total += 1;
    }
  }
  return { widest: Math.max(widest, ...levels), total };
};

const toQueryString = (value: unknown, prefix: string): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => toQueryString(item, `${prefix}[${index}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => toQueryString(item, prefix ? `${prefix}[${key}]` : key));
  return [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`];
};
const urlOf = (path: string, query: Query) => (Object.keys(query).length ? `${path}?${toQueryString(query, '').join('&')}` : path);
/** A failing query, readable. */
const shown = (url: string) => decodeURIComponent(url).slice(0, 1500);
const get = async (url: string): Promise<Answer> => {
  const res = await app.http().get(url);
  return { status: res.status, body: res.body };
};

beforeAll(async () => {
  app = await startStrapi({ RESPONSE_CACHE: 'false', PUBLIC_QUERY_MAX_JOINS: String(MAX_JOINS), DATABASE_STATEMENT_TIMEOUT: '2000' });
  await seedDemoContent(app.strapi);
  await seedScale(app.strapi, { programs: 12, articles: 6, comments: 8 });
  app.strapi.db.connection.on('query', ({ sql }: { sql: string }) => {
    const { widest, total } = joinsOf(sql);
    tripwire.seen = Math.max(tripwire.seen, total);
    if ((tripwire.perLevel && widest > JOINS_PER_RELATION) || total > tripwire.maxTotal) {
      throw new Error(`tripwire: a statement with ${total} joins (${widest} at one level): ${sql.slice(0, 300)}`);
    }
  });
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

const ids = (answer: Answer) => (answer.body.data as Array<{ documentId: string }>).map((document) => document.documentId);
const slugsWhere = async (uid: UID.ContentType, filters: Record<string, unknown>) =>
  (await app.strapi.documents(uid).findMany({ filters: filters as never, status: 'published', fields: ['documentId'] as never, limit: 1000 })).map(
    (document) => (document as { documentId: string }).documentId
  );
const manyBranches = (count: number, relations: [string, string], values: [string, string]) =>
  Array.from({ length: count }, (_, index) => `filters[$or][${index}][${relations[index % 2]}][slug][$containsi]=${values[index % 2]}`).join('&');

describe('the many-branch $or over two relations', () => {
  it.each([
    ['/api/group-programs', ['topics', 'articles']],
    ['/api/articles', ['topics', 'relatedPrograms']],
    ['/api/topics', ['articles', 'groupPrograms']],
  ] as Array<[string, [string, string]]>)('%s with 20 branches is a 400 naming the relation-join limit, at once', async (path, relations) => {
    const answer = await get(`${path}?${manyBranches(20, relations, ['zz', 'yy'])}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.details?.errors?.[0].path).toEqual([`filters[$or][${MAX_JOINS}][${relations[MAX_JOINS % 2]}]`]);
    expect(answer.body.error?.message).toMatch(/over the query budget of 6 relation joins per request/);
  });

  it('with the budget raised, answers the programs either relation matches, one subquery per condition', async () => {
    app.strapi.config.set('public-query.budget.maxJoins', 40);
    tripwire.maxTotal = Infinity;
    try {
      const answer = await get(`/api/group-programs?${manyBranches(20, ['topics', 'articles'], ['grief', 'bench-article-2'])}&pagination[pageSize]=100`);
      expect(answer.status).toBe(200);
      const expected = new Set([
        ...(await slugsWhere('api::group-program.group-program', { topics: { slug: { $containsi: 'grief' } } })),
        ...(await slugsWhere('api::group-program.group-program', { articles: { slug: { $containsi: 'bench-article-2' }, publishedAt: { $notNull: true } } })),
      ]);
      expect(expected.size).toBeGreaterThan(2);
      expect(new Set(ids(answer))).toEqual(expected);
    } finally {
      app.strapi.config.set('public-query.budget.maxJoins', MAX_JOINS);
      tripwire.maxTotal = JOINS_PER_RELATION * (MAX_JOINS + 1);
    }
  });
});

const onPostgres = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;
onPostgres('on PostgreSQL, the statement timeout', () => {
  it('holds for every statement (DATABASE_STATEMENT_TIMEOUT)', async () => {
    const { rows } = await app.strapi.db.connection.raw('SHOW statement_timeout');
    expect(rows[0].statement_timeout).toBe('2s');
  });

  it('cancels a statement that runs past it: the request answers 503 with Retry-After, and the next one is served', async () => {
    // Strapi's own joins for 20 conditions, with the budget and the tripwire out of the way: minutes of work.
    app.strapi.config.set('public-query.budget.maxJoins', 40);
    app.strapi.config.set('public-query.semiJoins', false);
    tripwire.perLevel = false;
    tripwire.maxTotal = Infinity;
    try {
      const res = await app.http().get(`/api/group-programs?${manyBranches(20, ['topics', 'articles'], ['e', 'e'])}`);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      app.strapi.config.set('public-query.budget.maxJoins', MAX_JOINS);
      app.strapi.config.set('public-query.semiJoins', true);
      tripwire.perLevel = true;
      tripwire.maxTotal = JOINS_PER_RELATION * (MAX_JOINS + 1);
    }
    expect((await get('/api/group-programs?filters[topics][slug][$eq]=grief')).status).toBe(200);
  });
});

/** Values for a field, from the schema (enumerations, booleans, dates) and the seeded documents (text, ids). */
const domains = new Map<string, { text: string[]; ids: string[] }>();
const domainOf = async (uid: string) => {
  if (domains.has(uid)) return domains.get(uid)!;
  const rows = (await app.strapi.db.query(uid as UID.Schema).findMany({ limit: 200 })) as Array<Record<string, unknown>>;
  const text = new Set<string>(['', 'x', 'group', 'support', 'therapy', 'grief', 'bench', '%', '_']);
  for (const row of rows) {
    for (const key of ['slug', 'name', 'title', 'authorName']) {
      if (typeof row[key] !== 'string') continue;
      text.add(String(row[key]));
      for (const word of String(row[key]).split(/[-\s]/)) text.add(word.slice(0, 8));
    }
  }
  const domain = { text: [...text], ids: [...new Set(rows.map((row) => String(row.documentId)))].slice(0, 6).concat('no-such-document') };
  domains.set(uid, domain);
  return domain;
};
const DATES = ['2020-01-01', '2026-06-01T00:00:00.000Z', new Date().toISOString(), '2031-01-01'];

const valueFor = (uid: string, field: string, operator: string): fc.Arbitrary<unknown> => {
  if (operator === '$null' || operator === '$notNull') return fc.constantFrom('true', 'false');
  const attribute = (app.strapi.getModel(uid as UID.Schema).attributes as Record<string, { type: string; enum?: string[] }>)[field];
  const domain = domains.get(uid)!;
  const one: fc.Arbitrary<string> =
    field === 'documentId'
      ? fc.constantFrom(...domain.ids)
      : attribute?.type === 'enumeration'
        ? fc.constantFrom(...attribute.enum!, 'none')
        : attribute?.type === 'boolean'
          ? fc.constantFrom('true', 'false')
          : ['datetime', 'date'].includes(attribute?.type)
            ? fc.constantFrom(...DATES)
            : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...domain.text) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
  if (operator === '$between') return fc.tuple(one, one);
  if (operator === '$in' || operator === '$notIn') return fc.array(one, { minLength: 1, maxLength: 4 });
  // Now and then a long list: each value is a comparison of its own.
  return fc.oneof({ weight: 12, arbitrary: one }, { weight: 2, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(one, { minLength: 20, maxLength: 60 }) });
};

const targetOf = (uid: string, field: string) => (app.strapi.getModel(uid as UID.Schema).attributes as Record<string, { target?: string }>)[field].target!;
const entriesOf = (spec: FilterSpec) => ({
  fields: Object.entries(spec).filter(([, allowed]) => Array.isArray(allowed)) as Array<[string, readonly string[]]>,
  relations: Object.entries(spec).filter(([, allowed]) => !Array.isArray(allowed)) as Array<[string, FilterSpec]>,
});

/** Filter trees the allowlist accepts for `spec`: conditions, $and/$or/$not groups and relations, nested up to `depth`. */
const treeOf = (uid: string, spec: FilterSpec, depth: number, memo = new Map<string, fc.Arbitrary<Query>>()): fc.Arbitrary<Query> => {
  const key = `${uid}:${depth}`;
  if (memo.has(key)) return memo.get(key)!;
  const { fields, relations } = entriesOf(spec);
  const condition = fc.oneof(
    ...fields.map(([field, operators]) =>
      fc.oneof(
        fc.constantFrom(...operators).chain((operator) => valueFor(uid, field, operator).map((value) => ({ [field]: { [operator]: value } }))),
        ...(operators.includes('$eq') ? [valueFor(uid, field, '$eq').filter((value) => !Array.isArray(value)).map((value) => ({ [field]: value }))] : [])
      )
    )
  );
  let tree: fc.Arbitrary<Query> = condition;
  if (depth > 0) {
    const inner = treeOf(uid, spec, depth - 1, memo);
    tree = fc.oneof(
      { weight: 6, arbitrary: condition },
      { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((items) => ({ $and: items })) },
      { weight: 3, arbitrary: fc.array(inner, { minLength: 1, maxLength: 4 }).map((items) => ({ $or: items })) },
      { weight: 1, arbitrary: inner.map((item) => ({ $not: item })) },
      { weight: 1, arbitrary: fc.array(condition, { minLength: 2, maxLength: 3 }).map((items) => Object.assign({}, ...items) as Query) },
      ...relations.map(([field, nested]) => ({ weight: 2, arbitrary: treeOf(targetOf(uid, field), nested, depth - 1, memo).map((item) => ({ [field]: item })) }))
    );
  }
  memo.set(key, tree);
  return tree;
};

/** The attack's shape, from the allowlist: an $or of 7 to 20 cheap text conditions alternating over the relations. */
const manyBranchOr = (uid: string, spec: FilterSpec): fc.Arbitrary<Query> | null => {
  const { relations } = entriesOf(spec);
  if (relations.length === 0) return null;
  const branch = (index: number) => {
    const [field, nested] = relations[index % relations.length];
    const [text] = entriesOf(nested).fields.find(([, operators]) => operators.includes('$containsi')) ?? [];
    return valueFor(targetOf(uid, field), text!, '$containsi').map((value) => ({ [field]: { [text!]: { $containsi: value } } }));
  };
  return fc.integer({ min: 7, max: 20 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => branch(index))).map((branches) => ({ $or: branches })));
};

const populateOf = (spec: PopulateSpec): fc.Arbitrary<unknown> => {
  const names = Object.keys(spec);
  const entry = (name: string): fc.Arbitrary<unknown> => {
    const allowed = spec[name];
    if (allowed === true) return fc.constant(true);
    return fc.oneof(
      fc.constant(true),
      ...(allowed.fields ? [fc.subarray([...allowed.fields], { minLength: 1 }).map((fields) => ({ fields }))] : []),
      ...(allowed.populate ? [populateOf(allowed.populate).map((populate) => ({ populate }))] : [])
    );
  };
  return fc.oneof(
    fc.subarray(names, { minLength: 1 }).map((chosen) => chosen.join(',')),
    fc.subarray(names, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen.map(entry)).map((values) => Object.fromEntries(chosen.map((name, index) => [name, values[index]]))))
  );
};

const queryOf = (spec: QuerySpec): fc.Arbitrary<Query> => {
  const filters = Object.keys(spec.filters).length
    ? [fc.oneof({ weight: 3, arbitrary: treeOf(spec.uid, spec.filters, 6) }, ...(manyBranchOr(spec.uid, spec.filters) ? [{ weight: 1, arbitrary: manyBranchOr(spec.uid, spec.filters)! }] : []))]
    : [];
  return fc.record(
    {
      ...(filters.length ? { filters: filters[0] } : {}),
      ...(Object.keys(spec.populate).length ? { populate: populateOf(spec.populate) } : {}),
      ...(spec.sort.length ? { sort: fc.constantFrom(...spec.sort).chain((field) => fc.constantFrom(field, `${field}:asc`, `${field}:desc`)) } : {}),
      ...(spec.fields.length ? { fields: fc.subarray([...spec.fields], { minLength: 1, maxLength: 4 }) } : {}),
      ...(spec.pagination ? { pagination: fc.record({ page: fc.constantFrom('1', '1', '1', '2'), pageSize: fc.constantFrom('5', '25', '100') }, { requiredKeys: [] }) } : {}),
    },
    { requiredKeys: filters.length ? ['filters'] : [] }
  );
};

it('answers every generated public query, on every public route, with a 200 or a 400 naming a limit, never a statement that multiplies rows', async () => {
  const paths: string[] = [];
  for (const uid of ['api::article.article', 'api::group-program.group-program', 'api::topic.topic', 'api::comment.comment'] as const) {
    const plural = app.strapi.contentType(uid).info.pluralName;
    await domainOf(uid);
    const [one] = uid === 'api::comment.comment' ? await slugsWhere(uid, { moderationStatus: 'approved' }) : await slugsWhere(uid, {});
    paths.push(`/api/${plural}`, `/api/${plural}/${one}`);
  }
  for (const target of ['api::article.article', 'api::group-program.group-program', 'api::topic.topic']) await domainOf(target);
  const routes = paths.map((path) => ({ path, index: PUBLIC_ROUTES.findIndex((route) => route.pattern.test(path)) }));
  expect(new Set(routes.map((route) => route.index))).toEqual(new Set(PUBLIC_ROUTES.map((_, index) => index)));

  const requests = fc.sample(
    fc.constantFrom(...routes).chain(({ path, index }) => queryOf(PUBLIC_ROUTES[index].spec).map((query) => ({ path, query }))),
    { numRuns: 300, seed: 20261201 }
  );
  const outcomes = { ok: 0, compared: 0, matched: 0, limits: {} as Record<string, number> };
  const longest = Math.max(...requests.map(({ path, query }) => urlOf(path, query).length));
  for (const { path, query } of requests) {
    const url = urlOf(path, query);
    tripwire.perLevel = true;
    const answer = await get(url);
    if (answer.status === 400) {
      const limit = /over the query budget of \d+ (relation joins|nested levels|conditions)/.exec(answer.body.error?.message ?? '')?.[1];
      if (!limit) throw new Error(`${shown(url)} was refused, but not for a limit: ${answer.body.error?.message}`);
      outcomes.limits[limit] = (outcomes.limits[limit] ?? 0) + 1;
      continue;
    }
    if (answer.status !== 200) throw new Error(`${shown(url)} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
    outcomes.ok += 1;
    if (!Array.isArray(answer.body.data) || query.filters === undefined) continue;
    outcomes.compared += 1;
    // The same query as Strapi joins it (within the budget, on this small data set, that still finishes).
    app.strapi.config.set('public-query.semiJoins', false);
    tripwire.perLevel = false;
    try {
      const joined = await get(url);
      expect({ url: shown(url), status: joined.status, ids: ids(joined), total: joined.body.meta?.pagination?.total }).toEqual({
        url: shown(url),
        status: 200,
        ids: ids(answer),
        total: answer.body.meta?.pagination?.total,
      });
    } finally {
      app.strapi.config.set('public-query.semiJoins', true);
    }
    if (ids(answer).length > 0) outcomes.matched += 1;
  }
  process.stdout.write(`public query budget: ${JSON.stringify(outcomes)}, most joins in one statement ${tripwire.seen}, longest URL ${longest}\n`);
  expect(outcomes.compared).toBeGreaterThan(100);
  expect(outcomes.matched).toBeGreaterThan(40);
  expect(Object.keys(outcomes.limits).sort()).toEqual(['conditions', 'nested levels', 'relation joins']);
}, 300_000);
