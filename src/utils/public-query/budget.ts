import type { FilterSpec, PopulateSpec, QuerySpec } from './allowlist';
import { queryError } from './query-error';

/**
 * What one public read may cost, counted over the whole query before it reaches the database. Strapi's query
 * engine adds a join for every relation condition in a filter tree, wherever it sits under $and/$or/$not, so a
 * query's cost is set by the tree as a whole, not by any one operator: an `$or` of 20 cheap conditions on two
 * relations took minutes. Pure: the query has already passed the allowlist (./enforce.ts).
 */
export interface QueryBudget {
  /** Relation conditions in the filters plus relations and components named in `populate`. */
  maxJoins: number;
  /** $and/$or/$not groups and relations nested inside each other. */
  maxDepth: number;
  /** Comparisons: one per operator on a field, one per value of a list except for set operators. */
  maxConditions: number;
}

export const DEFAULT_BUDGET: QueryBudget = { maxJoins: 6, maxDepth: 5, maxConditions: 50 };

/** Operators whose list of values is one comparison (one index lookup or range); others compare once per value. */
const ONE_COMPARISON = new Set(['$in', '$notIn', '$between', '$null', '$notNull']);
const LOGICAL = new Set(['$and', '$or', '$not']);

type Spent = { joins: number; conditions: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsOf = (key: string, value: unknown): unknown[] => (key === '$not' ? [value] : Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []);
const namesOf = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : isObject(value) ? Object.values(value).map(String) : [];

const overJoins = (path: string, budget: QueryBudget) =>
  queryError(path, `${path}: over the query budget of ${budget.maxJoins} relation joins per request (each filter on a relation and each populated relation counts one)`);
const overDepth = (path: string, budget: QueryBudget) =>
  queryError(path, `${path}: over the query budget of ${budget.maxDepth} nested levels of $and, $or, $not and relations`);
const overConditions = (path: string, budget: QueryBudget) =>
  queryError(path, `${path}: over the query budget of ${budget.maxConditions} conditions per request (a list of values counts one per value, except with $in and $notIn)`);

const join = (spent: Spent, path: string, budget: QueryBudget) => {
  spent.joins += 1;
  if (spent.joins > budget.maxJoins) throw overJoins(path, budget);
};

const weightOf = (operator: string, argument: unknown) => (Array.isArray(argument) && !ONE_COMPARISON.has(operator) ? Math.max(argument.length, 1) : 1);

const walkFilters = (filters: unknown, spec: FilterSpec, path: string, depth: number, spent: Spent, budget: QueryBudget): void => {
  if (depth > budget.maxDepth) throw overDepth(path, budget);
  if (!isObject(filters)) return;
  for (const [key, value] of Object.entries(filters)) {
    const here = `${path}[${key}]`;
    if (LOGICAL.has(key)) {
      itemsOf(key, value).forEach((item, index) => walkFilters(item, spec, key === '$not' ? here : `${here}[${index}]`, depth + 1, spent, budget));
      continue;
    }
    const allowed = spec[key];
    if (Array.isArray(allowed)) {
      const comparisons = isObject(value) ? Object.entries(value) : [['$eq', value] as const];
      for (const [operator, argument] of comparisons) {
        spent.conditions += weightOf(operator, argument);
        if (spent.conditions > budget.maxConditions) throw overConditions(isObject(value) ? `${here}[${operator}]` : here, budget);
      }
      continue;
    }
    join(spent, here, budget);
    walkFilters(value, allowed as FilterSpec, here, depth + 1, spent, budget);
  }
};

const walkPopulate = (value: unknown, spec: PopulateSpec, path: string, spent: Spent, budget: QueryBudget): void => {
  if (!isObject(value)) {
    for (const _name of namesOf(value)) join(spent, path, budget);
    return;
  }
  for (const [name, options] of Object.entries(value)) {
    const here = `${path}[${name}]`;
    join(spent, here, budget);
    const nested = spec[name];
    if (isObject(options) && options.populate !== undefined && nested !== true && nested?.populate) {
      walkPopulate(options.populate, nested.populate, `${here}[populate]`, spent, budget);
    }
  }
};

/** Throws a 400 naming the parameter where the query goes over a limit of `budget`, and the limit. */
export const enforceBudget = (query: Record<string, unknown>, spec: QuerySpec, budget: QueryBudget = DEFAULT_BUDGET): void => {
  const spent: Spent = { joins: 0, conditions: 0 };
  if (query.filters !== undefined) walkFilters(query.filters, spec.filters, 'filters', 0, spent, budget);
  if (query.populate !== undefined) walkPopulate(query.populate, spec.populate, 'populate', spent, budget);
};
