import type { Core } from '@strapi/strapi';
import type { TestApp } from './strapi';

/** An admin-panel user in the role with `roleCode` (strapi-editor, strapi-moderator...), logged in: its JWT. */
export const adminUserToken = async (app: TestApp, roleCode: string, email: string, password: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({ email, firstname: 'Test', lastname: roleCode, password, isActive: true, registrationToken: null, roles: [role.id] });
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** A super admin, logged in through the admin API, as an editor in the admin panel would be. */
export const adminToken = async (app: TestApp, email = 'admin@example.com', password = 'Admin-pass-123') => {
  const { strapi } = app;
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (!existing) {
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({
      email,
      firstname: 'Test',
      lastname: 'Admin',
      password,
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
  }
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** A full-access API token, as a back-office script would use for REST writes. */
export const fullAccessApiToken = async (strapi: Core.Strapi) => {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${Date.now()}-${Math.random()}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey as string;
};

/** An ordinary users-permissions user in `roleType` (default: authenticated) and its JWT. */
export const userJwt = async (app: TestApp, roleType = 'authenticated', username = `user${Date.now()}${Math.round(Math.random() * 1e6)}`) => {
  const { strapi } = app;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const user = await strapi.plugin('users-permissions').service('user').add({
    username,
    email: `${username}@example.com`,
    password: 'User-pass-123',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) as string;
};

/** Requests made with a bearer token: `withToken(app, () => tokens[role]).get(path)` (the token is read when sent). */
export const withToken = (app: TestApp, token: () => string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token()}`),
  put: (path: string) => app.http().put(path).set('Authorization', `Bearer ${token()}`),
  post: (path: string) => app.http().post(path).set('Authorization', `Bearer ${token()}`),
  delete: (path: string) => app.http().delete(path).set('Authorization', `Bearer ${token()}`),
});
