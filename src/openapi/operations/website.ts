import { errors, ok } from '../schemas';
import type { Describe } from './shared';

/** What websites and their infrastructure use besides content: sitemap, this document, health and readiness. */
const CHECKS = { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] }, propertyNames: { enum: ['database', 'redis'] } };

export const websiteOperations: Record<string, Describe> = {
  'api::sitemap.sitemap.index': () => ({
    summary: 'Sitemap of published articles and programs (their website URLs)',
    tags: ['Website'],
    responses: { '200': { description: 'A sitemaps.org urlset.', content: { 'application/xml': { schema: { type: 'string', pattern: '^<\\?xml' } } } }, ...errors() },
  }),
  'api::openapi.openapi.index': () => ({
    summary: 'This document',
    tags: ['Website'],
    responses: { '200': ok('OpenAPI 3.1.', { type: 'object', required: ['openapi', 'paths'], properties: { openapi: { const: '3.1.0' }, paths: { type: 'object' } } }), ...errors() },
  }),
  'server::/_ready': () => ({
    summary: 'Readiness: may this instance take traffic?',
    description: 'Checks the database and, when REDIS_URL is set, Redis. Use it for load balancer routing; /_health is liveness.',
    tags: ['Operations'],
    responses: {
      '200': ok('Ready.', { type: 'object', required: ['status', 'checks'], additionalProperties: false, properties: { status: { const: 'ready' }, checks: CHECKS } }),
      '503': {
        description: 'Not ready: `down` names what is unreachable.',
        headers: { 'Retry-After': { description: 'Seconds', schema: { type: 'string' } } },
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['status', 'checks', 'down'],
              additionalProperties: false,
              properties: { status: { const: 'unavailable' }, checks: CHECKS, down: { type: 'array', items: { type: 'string', enum: ['database', 'redis'] } } },
            },
          },
        },
      },
    },
  }),
  'server::/_health': () => ({
    summary: "Liveness (Strapi's): the process is up",
    tags: ['Operations'],
    responses: { '204': { description: 'Alive.' } },
  }),
};
