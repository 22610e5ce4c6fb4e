import { coreQueryParameters, querySpecFor } from '../query-params';
import { errors, ok, ref } from '../schemas';
import { schemaName } from '../content-types';
import type { Describe } from './shared';
import { idParameter, localeParameter } from './shared';

/** Core reads of the published content types: find and findOne, with the allowlisted query parameters. */
const TYPES = {
  'api::article.article': { tag: 'Articles', plural: 'articles', by: 'A documentId or a slug.' },
  'api::group-program.group-program': { tag: 'Group programs', plural: 'group programs', by: 'A documentId or a slug.' },
  'api::topic.topic': { tag: 'Topics', plural: 'topics', by: 'A documentId or a slug.' },
} as const;

const find =
  (uid: keyof typeof TYPES): Describe =>
  ({ route }) => ({
    summary: `List published ${TYPES[uid].plural}`,
    tags: [TYPES[uid].tag],
    parameters: [localeParameter, ...coreQueryParameters(querySpecFor(route.path)!)],
    responses: {
      '200': ok(`A page of published ${TYPES[uid].plural}.`, {
        type: 'object',
        required: ['data', 'meta'],
        properties: { data: { type: 'array', items: ref(schemaName(uid)) }, meta: { type: 'object', required: ['pagination'], properties: { pagination: ref('Pagination') } } },
      }),
      ...errors('BadRequest', 'Forbidden'),
    },
  });

const findOne =
  (uid: keyof typeof TYPES): Describe =>
  ({ route }) => ({
    summary: `One published ${TYPES[uid].plural.replace(/s$/, '')}, by documentId or slug`,
    tags: [TYPES[uid].tag],
    parameters: [idParameter(TYPES[uid].by), localeParameter, ...coreQueryParameters(querySpecFor(route.path)!)],
    responses: {
      '200': ok('The document.', { type: 'object', required: ['data'], properties: { data: ref(schemaName(uid)), meta: { type: 'object' } } }),
      ...errors('BadRequest', 'Forbidden', 'NotFound'),
    },
  });

export const contentOperations: Record<string, Describe> = Object.fromEntries(
  (Object.keys(TYPES) as Array<keyof typeof TYPES>).flatMap((uid) => [
    [`${uid}.find`, find(uid)],
    [`${uid}.findOne`, findOne(uid)],
  ])
);
