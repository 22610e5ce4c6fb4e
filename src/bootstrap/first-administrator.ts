import type { Core } from '@strapi/strapi';

/** On a machine with no administrator yet, say how to create one (in the browser, or without it). */
export const explainFirstAdministrator = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV === 'test') return;
  const administrators = await strapi.db.query('admin::user').count();
  if (administrators > 0) return;
  strapi.log.info(
    'No administrator yet: open /admin in a browser to create the first one, or run ' +
      'ADMIN_EMAIL=you@example.org ADMIN_PASSWORD=... npm run admin:create'
  );
};
