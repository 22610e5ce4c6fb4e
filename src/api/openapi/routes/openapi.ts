/** `/api/openapi.json`: the committed document (`npm run openapi`), public (src/bootstrap/public-permissions.ts). */
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/openapi.json', handler: 'api::openapi.openapi.index' }],
};
