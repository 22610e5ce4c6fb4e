import type { Core } from '@strapi/strapi';
import { PUBLIC_ROUTES } from '../utils/public-query/allowlist';
import { relationConditionsAsSemiJoins, type Where } from '../utils/public-query/semi-joins';
import { getConfig } from '../utils/config';

/** Set by the public-query middleware on a request whose filters it checked: the content type they filter. */
export const SEMI_JOIN_STATE = 'publicQueryUid';

type ReadEvent = { model: { uid: string; attributes: Record<string, { type?: string }> }; params: { where?: unknown } };

/**
 * The database reads of a public query (find, findOne, the pagination count) run its relation conditions as
 * semi-joins (src/utils/public-query/semi-joins.ts). A query-engine lifecycle because the Document Service and the
 * controllers' sanitizers between the request and the engine only pass plain filters; reads of the same type made
 * by the server for its own needs in other requests are left as the engine builds them.
 */
export const registerPublicQuerySemiJoins = (strapi: Core.Strapi) => {
  const rewrite = (event: ReadEvent) => {
    const request = strapi.requestContext.get();
    if (!request || request.state?.[SEMI_JOIN_STATE] !== event.model.uid || event.params?.where === undefined) return;
    if (!getConfig(strapi, 'public-query').semiJoins) return;
    const { uid, attributes } = event.model;
    event.params.where = relationConditionsAsSemiJoins(event.params.where, {
      isRelation: (key) => attributes[key]?.type === 'relation',
      idsWhere: (where: Where) => strapi.db.queryBuilder(uid).select('id').where(where).getKnexQuery(),
    });
  };
  strapi.db.lifecycles.subscribe({
    models: [...new Set(PUBLIC_ROUTES.map((route) => route.spec.uid))],
    beforeFindMany: rewrite,
    beforeFindOne: rewrite,
    beforeCount: rewrite,
  });
};
