import type { Core, UID } from '@strapi/strapi';
import type { FilterSpec, PopulateSpec, QuerySpec } from './allowlist';
import { DEFAULT_BUDGET, enforceBudget, type QueryBudget } from './budget';
import { hasDraftAndPublish } from '../content-types';
import { queryError } from './query-error';
import { checkedLocale, isLocalised } from '../locales';

/**
 * Checks a public query against its allowlist and its cost budget (./budget.ts), and makes every relation filter
 * that reaches a draft-and-publish type match published versions only. Throws a 400 naming the first parameter
 * that is not allowed, or the limit the query goes over.
 */
type Query = Record<string, unknown>;
const LOGICAL = new Set(['$and', '$or', '$not']);
const PAGINATION = new Set(['page', 'pageSize', 'start', 'limit', 'withCount']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || typeof value === 'string';
const operand = (value: unknown, path: string) => {
  const ok = isScalar(value) || (Array.isArray(value) && value.length <= 100 && value.every(isScalar));
  if (!ok) throw queryError(path, `${path} must be a value or a list of values`);
};

/** The target content type of a relation attribute of `uid`, and whether it has drafts. */
const relationTarget = (strapi: Core.Strapi, uid: string, field: string) => {
  const attributes = strapi.getModel(uid as UID.Schema)?.attributes as Record<string, { type?: string; target?: string }> | undefined;
  const attribute = attributes?.[field];
  if (attribute?.type !== 'relation' || !attribute.target) return undefined;
  return { uid: attribute.target, drafts: hasDraftAndPublish(strapi, attribute.target as UID.ContentType) };
};

const checkFilters = (strapi: Core.Strapi, uid: string, filters: unknown, spec: FilterSpec, path: string): Query => {
  if (!isObject(filters)) throw queryError(path, `${path} must be an object of filters`);
  const out: Query = {};
  for (const [key, value] of Object.entries(filters)) {
    const here = `${path}[${key}]`;
    if (LOGICAL.has(key)) {
      const list = key === '$not' ? [value] : Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
      if (!list || list.length > 20) throw queryError(here, `${here} must hold up to 20 filter objects`);
      const checked = list.map((item, index) => checkFilters(strapi, uid, item, spec, `${here}[${index}]`));
      out[key] = key === '$not' ? checked[0] : checked;
      continue;
    }
    const allowed = spec[key];
    if (!allowed) throw queryError(here, `${here}: filtering on "${key}" is not allowed (allowed: ${Object.keys(spec).join(', ')})`);
    if (Array.isArray(allowed)) {
      if (!isObject(value)) {
        operand(value, here);
        if (!allowed.includes('$eq')) throw queryError(here, `${here} needs an operator (${allowed.join(', ')})`);
        out[key] = value;
        continue;
      }
      for (const [operator, argument] of Object.entries(value)) {
        if (!allowed.includes(operator)) throw queryError(`${here}[${operator}]`, `${here}: operator "${operator}" is not allowed (allowed: ${allowed.join(', ')})`);
        operand(argument, `${here}[${operator}]`);
      }
      out[key] = value;
      continue;
    }
    const target = relationTarget(strapi, uid, key);
    const nested = checkFilters(strapi, target?.uid ?? uid, value, allowed as FilterSpec, here);
    // A draft must never answer a filter: relation filters into draft-and-publish types see published rows only.
    // Always inside $and: the query engine reads a $not right under a relation as an operator on its id (a 500).
    out[key] = { $and: [nested, ...(target?.drafts ? [{ publishedAt: { $notNull: true } }] : [])] };
  }
  return out;
};

const list = (value: unknown, path: string): string[] => {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
  if (!items || !items.every((item) => typeof item === 'string')) throw queryError(path, `${path} must be a list of names`);
  return (items as string[]).map((item) => item.trim());
};

const checkFields = (value: unknown, allowed: readonly string[], path: string) => {
  for (const field of list(value, path)) {
    if (!allowed.includes(field)) throw queryError(path, `${path}: field "${field}" is not allowed (allowed: ${allowed.join(', ')})`);
  }
};

/** The computed parts asked for, each one allowed, as an array. */
const checkInclude = (value: unknown, allowed: readonly string[]): string[] => {
  if (isObject(value)) throw queryError('include', 'include must be a comma-separated list of names, or include[0]=...');
  const names = list(value, 'include').flatMap((item) => item.split(',').map((name) => name.trim())).filter((name) => name !== '');
  for (const name of names) if (!allowed.includes(name)) throw queryError('include', `include: "${name.slice(0, 60)}" is not allowed (allowed: ${allowed.join(', ')})`);
  return names;
};

/**
 * The populate tree, checked against `spec`, with every list of names as an array: Strapi reads "a,b" as a list at
 * the top level only, and as one (unknown) name under a relation or component's `populate` (a 400 not naming a limit).
 */
const checkPopulate = (value: unknown, spec: PopulateSpec, path: string): unknown => {
  if (value === '*' || value === 'true') throw queryError(path, `${path}: name the relations to populate (${Object.keys(spec).join(', ')})`);
  if (!isObject(value)) {
    const names = list(value, path);
    for (const name of names) if (!spec[name]) throw queryError(path, `${path}: "${name}" cannot be populated (allowed: ${Object.keys(spec).join(', ') || 'none'})`);
    return names;
  }
  const out: Record<string, unknown> = {};
  for (const [name, options] of Object.entries(value)) {
    const here = `${path}[${name}]`;
    const allowed = spec[name];
    if (!allowed) throw queryError(here, `${here}: "${name}" cannot be populated (allowed: ${Object.keys(spec).join(', ') || 'none'})`);
    out[name] = options;
    if (options === 'true' || options === true) continue;
    if (!isObject(options)) throw queryError(here, `${here} must be true or { fields, populate }`);
    const checked: Record<string, unknown> = {};
    for (const [option, optionValue] of Object.entries(options)) {
      if (option === 'fields' && allowed !== true && allowed.fields) checkFields(optionValue, allowed.fields, `${here}[fields]`);
      else if (option === 'populate' && allowed !== true && allowed.populate) {
        checked.populate = checkPopulate(optionValue, allowed.populate, `${here}[populate]`);
        continue;
      } else throw queryError(`${here}[${option}]`, `${here}: "${option}" is not allowed here`);
      checked[option] = optionValue;
    }
    out[name] = checked;
  }
  return out;
};

const checkSort = (value: unknown, allowed: readonly string[]) => {
  for (const entry of list(value, 'sort')) {
    const [field, direction, extra] = entry.split(':');
    if (!allowed.includes(field) || extra !== undefined || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) {
      throw queryError('sort', `sort: "${entry}" is not allowed (fields: ${allowed.join(', ')}; direction asc or desc)`);
    }
  }
};

const checkPagination = (value: unknown) => {
  if (!isObject(value)) throw queryError('pagination', 'pagination must be an object');
  for (const [key, number] of Object.entries(value)) {
    if (!PAGINATION.has(key)) throw queryError(`pagination[${key}]`, `pagination[${key}] is not allowed (allowed: ${[...PAGINATION].join(', ')})`);
    const ok = key === 'withCount' ? number === 'true' || number === 'false' : typeof number === 'string' && /^\d{1,6}$/.test(number);
    if (!ok) throw queryError(`pagination[${key}]`, `pagination[${key}] must be ${key === 'withCount' ? 'true or false' : 'a whole number'}`);
  }
};

/** The query, checked against `spec` and `budget`. */
export const enforcePublicQuery = (strapi: Core.Strapi, query: Query, spec: QuerySpec, budget: QueryBudget = DEFAULT_BUDGET): Query => {
  const out: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'filters' && Object.keys(spec.filters).length > 0) out.filters = checkFilters(strapi, spec.uid, value, spec.filters, 'filters');
    else if (key === 'sort' && spec.sort.length > 0) {
      checkSort(value, spec.sort);
      out.sort = value;
    } else if (key === 'fields' && spec.fields.length > 0) {
      checkFields(value, spec.fields, 'fields');
      out.fields = value;
    } else if (key === 'populate' && Object.keys(spec.populate).length > 0) {
      out.populate = checkPopulate(value, spec.populate, 'populate');
    } else if (key === 'pagination' && spec.pagination) {
      checkPagination(value);
      out.pagination = value;
    }
    else if (key === 'include' && spec.include?.length) out.include = checkInclude(value, spec.include);
    // Accepted from anyone, honoured for API tokens only (previews): the controllers read published documents otherwise.
    else if (key === 'status' && (value === 'draft' || value === 'published')) out.status = value;
    else if (key === 'locale' && isLocalised(strapi, spec.uid)) out.locale = checkedLocale(strapi, value);
    else throw queryError(key, `unknown or not allowed query parameter "${key}"`);
  }
  enforceBudget(query, spec, budget);
  return out;
};
