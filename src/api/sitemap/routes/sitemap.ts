/** `/api/sitemap.xml`: public (src/bootstrap/public-permissions.ts). */
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/sitemap.xml', handler: 'api::sitemap.sitemap.index' }],
};
