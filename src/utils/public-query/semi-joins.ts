/**
 * Relation conditions as semi-joins. Strapi's query engine (@strapi/database, query/helpers/where.js) adds a LEFT
 * JOIN of the related table for every relation condition in a where tree, one per occurrence, and answers DISTINCT
 * root rows: n conditions on to-many relations make each row the product of their related rows before DISTINCT
 * (an `$or` of 10 conditions on a program's 2 topics: 1,024 rows per program). Here each relation condition becomes
 * `id IN (SELECT id FROM root JOIN relation WHERE condition)`, one subquery with one join: the cost of n conditions
 * adds instead of multiplying.
 *
 * The rows are the same. A root row matches the joined query when some combination of its related rows makes the
 * tree true; each joined relation appears in one condition only, so once every negation is pushed down to the
 * conditions (De Morgan, which holds in SQL's three-valued logic), "some combination" splits into "some related row"
 * per condition: `NOT topics.slug = x` becomes "a topic row (or the empty row of a program without topics) where
 * NOT slug = x", exactly what the join evaluated. Pure: the subquery comes from the caller.
 */
export type Where = Record<string, unknown>;

export interface SemiJoinContext {
  /** Whether `key` is a relation (or component, media) of the root model: a condition the engine would join for. */
  isRelation(key: string): boolean;
  /** A subquery of the root ids meeting `where`, a single relation condition. */
  idsWhere(where: Where): unknown;
}

const isRecord = (value: unknown): value is Where =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const isOperator = (key: string) => key.startsWith('$');

const hasRelation = (node: unknown, context: SemiJoinContext): boolean => {
  if (Array.isArray(node)) return node.some((item) => hasRelation(item, context));
  if (!isRecord(node)) return false;
  return Object.entries(node).some(([key, value]) => (key === '$and' || key === '$or' || key === '$not' ? hasRelation(value, context) : context.isRelation(key)));
};

/** The relation's own condition, negated for each of its rows (the engine reads a bare value or operator as its id). */
const negatedInside = (value: unknown): Where => {
  const asWhere = isRecord(value) && Object.keys(value).some((key) => !isOperator(key) || key === '$and' || key === '$or') ? value : { id: value };
  return { $and: [{ $not: asWhere }] };
};

const combine = (parts: Where[], negated: boolean): Where => (parts.length === 1 ? parts[0] : { [negated ? '$or' : '$and']: parts });

const rewrite = (node: unknown, negated: boolean, context: SemiJoinContext): Where => {
  if (!hasRelation(node, context)) {
    const where = (Array.isArray(node) ? { $and: node } : node) as Where;
    return negated ? { $not: where } : where;
  }
  if (Array.isArray(node)) return combine(node.map((item) => rewrite(item, negated, context)), negated);
  const parts = Object.entries(node as Where).map(([key, value]): Where => {
    if (key === '$and' || key === '$or') {
      const children = (value as unknown[]).map((item) => rewrite(item, negated, context));
      return { [(key === '$and') !== negated ? '$and' : '$or']: children };
    }
    if (key === '$not') return rewrite(value, !negated, context);
    if (context.isRelation(key)) return { id: { $in: context.idsWhere({ [key]: negated ? negatedInside(value) : value }) } };
    return negated ? { $not: { [key]: value } } : { [key]: value };
  });
  return combine(parts, negated);
};

/** `where` with each relation condition as a semi-join on the root's ids; unchanged when it has none. */
export const relationConditionsAsSemiJoins = (where: unknown, context: SemiJoinContext): unknown =>
  hasRelation(where, context) ? rewrite(where, false, context) : where;
