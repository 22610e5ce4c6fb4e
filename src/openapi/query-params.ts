import { PUBLIC_ROUTES, type QuerySpec } from '../utils/public-query/allowlist';
import { DEFAULT_BUDGET } from '../utils/public-query/budget';
import type { Parameter } from './types';

/**
 * Query parameters of a core read, from the public-query allowlist (src/utils/public-query/allowlist.ts), so the
 * document says exactly what the server accepts.
 */
export const querySpecFor = (path: string): QuerySpec | undefined => PUBLIC_ROUTES.find((route) => route.pattern.test(path.replace(/\{[^}]+\}/g, 'x')))?.spec;

const describeFilters = (filters: QuerySpec['filters'], prefix = ''): string[] =>
  Object.entries(filters).flatMap(([field, spec]) =>
    Array.isArray(spec) ? [`${prefix}${field}: ${spec.join(' ')}`] : describeFilters(spec as QuerySpec['filters'], `${prefix}${field}.`)
  );

export const coreQueryParameters = (spec: QuerySpec): Parameter[] => {
  const parameters: Parameter[] = [];
  if (Object.keys(spec.filters).length > 0) {
    parameters.push({
      name: 'filters',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        `Strapi filters, e.g. filters[slug][$eq]=grief. Within the query budget (defaults: at most ${DEFAULT_BUDGET.maxJoins} relation joins per request, ` +
        `each filter on a relation and each populated relation counting one; ${DEFAULT_BUDGET.maxDepth} nested levels of $and, $or, $not and relations; ` +
        `${DEFAULT_BUDGET.maxConditions} conditions), else a 400 naming the parameter and the limit. Allowed fields and operators:\n${describeFilters(spec.filters).join('\n')}`,
      schema: { type: 'object' },
    });
  }
  if (spec.sort.length > 0) {
    parameters.push({ name: 'sort', in: 'query', description: 'A field, optionally with :asc or :desc.', schema: { type: 'string', enum: spec.sort.flatMap((key) => [key, `${key}:asc`, `${key}:desc`]) } });
  }
  if (spec.fields.length > 0) {
    parameters.push({ name: 'fields', in: 'query', style: 'form', explode: false, description: 'Only these fields (comma-separated, or fields[0]=...).', schema: { type: 'array', items: { type: 'string', enum: [...spec.fields] } } });
  }
  if (Object.keys(spec.populate).length > 0) {
    parameters.push({
      name: 'populate',
      in: 'query',
      description: `Relations and components to include (default: what a page needs). Allowed: ${Object.keys(spec.populate).join(', ')}; nested fields/populate as in Strapi's REST API.`,
      schema: { anyOf: [{ type: 'string' }, { type: 'object' }] },
    });
  }
  if (spec.include?.length && spec.pagination) {
    parameters.push({
      name: 'include',
      in: 'query',
      style: 'form',
      explode: false,
      description:
        'Computed parts each listed document also carries (comma-separated, or include[0]=...); a single document carries them all. ' +
        'jsonLd: its schema.org JSON-LD, as its page embeds it. calendarLinks: Google Calendar and Outlook links for the next and each listed ' +
        'session in addToCalendar (by default only the .ics and webcal: addresses). An unknown name is a 400 naming it.',
      schema: { type: 'array', items: { type: 'string', enum: [...spec.include] } },
    });
  }
  if (spec.pagination) {
    parameters.push(
      { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }
    );
  }
  parameters.push({ name: 'status', in: 'query', description: 'draft: only with an API token (website previews); ignored otherwise.', schema: { type: 'string', enum: ['published', 'draft'] } });
  return parameters;
};
