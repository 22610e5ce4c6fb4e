import type { TestApp } from './strapi';

let counter = 0;
/** A unique reader email, so flood control and the previously-approved rule see a new author. */
export const uniqueEmail = (name = 'reader') => `${name}.${Date.now()}.${(counter += 1)}@example.com`;

/** POST /api/comments as a website would, from `ip` (X-Forwarded-For; tests run with IS_PROXIED=true). */
export const postComment = (app: TestApp, data: Record<string, unknown>, ip = `203.0.${Math.floor((counter += 1) / 250) % 250}.${counter % 250}`) =>
  app.http().post('/api/comments').set('X-Forwarded-For', ip).send({ data });

export const commentCount = (app: TestApp) => app.strapi.db.query('api::comment.comment').count();
