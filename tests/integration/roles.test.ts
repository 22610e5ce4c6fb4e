import type { UID } from '@strapi/strapi';
import { partialInput } from '../helpers/content';
import { ADMIN_ROLES, SUPER_ADMIN_CODE, type ContentTypeGrant } from '../../src/bootstrap/admin-roles';
import { AUTHENTICATED_ACTIONS, ensureApiRoles } from '../../src/bootstrap/api-roles';
import { ensureAdminRoles, resolveAdminPermissions, type AdminPermission } from '../../src/bootstrap/ensure-admin-roles';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { adminToken, adminUserToken, userJwt } from '../helpers/auth';
import { programData } from '../helpers/content';
import { captureLog } from '../helpers/log-capture';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Every admin role × every Content Manager type × every action, and every admin route of the local plugins and the
 * media library, over HTTP as an admin user of the role, against the table in src/bootstrap/admin-roles.ts; the
 * permission rows against the same table; then what an attacker holding an Editor or Author login would try.
 */
const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const REPORT = 'api::comment-report.comment-report';
const COMMENTER = 'api::commenter.commenter';
const BLOCK = 'api::commenter-block.commenter-block';
const DATA_REQUEST = 'api::data-request.data-request';
const INQUIRY = 'api::inquiry.inquiry';
const FRONT_OFFICE = 'strapi-front-office';
const USER = 'plugin::users-permissions.user';
const EDITOR = 'strapi-editor';
const AUTHOR = 'strapi-author';
const MODERATOR = 'strapi-moderator';
const ROLES = [SUPER_ADMIN_CODE, ...Object.keys(ADMIN_ROLES)];
const CM = '/content-manager/collection-types';
/** Keys every Content Manager answer carries whatever the fields granted. */
const BASE_KEYS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations', 'createdBy', 'updatedBy', 'status']);

let app: TestApp;
const tokens: Record<string, string> = {};
/** One document of each type nobody in a test role created: what a role may do to others' documents. */
const fixtures: Partial<Record<string, string>> = {};
let articleId: string;
let commentRowId: number;
let programId: string;
let made = 0;

/** A new document of `uid`, for the actions that consume one (delete, publish). */
const factories: Record<string, () => Promise<string>> = {
  [ARTICLE]: async () => (await app.strapi.documents(ARTICLE).create({ data: partialInput<'api::article.article'>({ title: `Throwaway article ${(made += 1)}`, body: 'x' }) })).documentId,
  'api::group-program.group-program': async () =>
    (await app.strapi.documents('api::group-program.group-program').create({ data: programData(`Throwaway program ${(made += 1)}`) as never })).documentId,
  'api::topic.topic': async () => (await app.strapi.documents('api::topic.topic').create({ data: partialInput<'api::topic.topic'>({ name: `Throwaway topic ${(made += 1)}` }) })).documentId,
  [COMMENT]: async () =>
    (
      await app.strapi.documents(COMMENT).create({
        data: { article: articleId, authorName: 'Reader', authorEmail: `reader${(made += 1)}@example.com`, body: `Is the Thursday group full? (${made})`, moderationStatus: 'pending', priority: 'normal' },
      })
    ).documentId,
  [REPORT]: async () =>
    (
      await app.strapi.documents(REPORT).create({
        data: { comment: commentRowId, reason: 'spam', readerKey: `ip:reporter${(made += 1)}`, dedupeKey: `dedupe${made}`, connectionKey: `connection${made}` } as never,
      })
    ).documentId,
  [COMMENTER]: async () =>
    (await app.strapi.documents(COMMENTER).create({ data: { email: `commenter${(made += 1)}@example.com`, tokenVersion: 0, confirmationNonce: `nonce${made}` } as never })).documentId,
  [BLOCK]: async () => (await app.strapi.documents(BLOCK).create({ data: { email: `abuser${(made += 1)}@example.com`, reason: 'Threats' } as never })).documentId,
  // Past the Document Service: an admin-made data request is carried out (an email, an erasure) as it is saved.
  [DATA_REQUEST]: async () =>
    (await app.strapi.db.query(DATA_REQUEST).create({ data: { email: `asker${(made += 1)}@example.com`, kind: 'export', requestedBy: 'reader', status: 'requested' } })).documentId,
  [INQUIRY]: async () =>
    (
      await app.strapi.documents(INQUIRY).create({
        data: { program: programId, name: 'Asker', email: `asker${(made += 1)}@example.com`, preferredContact: 'email', consentVersion: '1', handling: 'new', waitingList: false, urgent: false },
      })
    ).documentId,
  [USER]: async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'moderator' } });
    const username = `apimod${(made += 1)}`;
    return (await app.strapi.db.query(USER).create({ data: { username, email: `${username}@practice.example`, provider: 'local', confirmed: true, blocked: false, role: role.id } })).documentId;
  },
};

const as = (role: string) => {
  const auth = (request: ReturnType<ReturnType<TestApp['http']>['get']>) => request.set('Authorization', `Bearer ${tokens[role]}`);
  return {
    get: (path: string) => auth(app.http().get(path)),
    post: (path: string) => auth(app.http().post(path)),
    put: (path: string) => auth(app.http().put(path)),
    delete: (path: string) => auth(app.http().delete(path)),
  };
};

const FULL: ContentTypeGrant = { read: 'all', create: 'all', update: 'all', delete: true, publish: true };
const grantOf = (role: string, uid: string): ContentTypeGrant | undefined => (role === SUPER_ADMIN_CODE ? FULL : ADMIN_ROLES[role].contentTypes[uid as UID.ContentType]);

type Expected = 'allowed' | 'own-only' | 'denied' | 'write-once';
const CM_ACTIONS = ['read', 'create', 'update', 'delete', 'publish'] as const;
type CmAction = (typeof CM_ACTIONS)[number];

const expected = (role: string, uid: string, action: CmAction): Expected => {
  // The data-request log is written once: nobody edits or deletes it, Super Admin included.
  if (uid === DATA_REQUEST && (action === 'update' || action === 'delete')) return 'write-once';
  const grant = grantOf(role, uid);
  if (!grant?.[action]) return 'denied';
  return grant.conditions?.length ? 'own-only' : 'allowed';
};

/** Top-level field names a role reads of `uid` (a component's fields count as the component). */
const readableFields = (role: string, uid: string): Set<string> | 'all' => {
  if (role === SUPER_ADMIN_CODE) return 'all';
  const read = resolveAdminPermissions(app.strapi, ADMIN_ROLES[role]).find((permission) => permission.subject === uid && permission.action.endsWith('.read'));
  return new Set((read?.properties.fields ?? []).map((field) => field.split('.')[0]));
};

const contentManagerTypes = () => {
  const provider = app.strapi.service('admin::permission').actionProvider as { get(id: string): { subjects: string[] } };
  return provider.get('plugin::content-manager.explorer.create').subjects;
};

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoContent(app.strapi);
  articleId = (await app.strapi.documents(ARTICLE).findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;
  programId = (await app.strapi.documents('api::group-program.group-program').findFirst({}))!.documentId;
  tokens[SUPER_ADMIN_CODE] = await adminToken(app);
  for (const code of Object.keys(ADMIN_ROLES)) tokens[code] = await adminUserToken(app, code, `${code}@practice.example`, 'Role-pass-123');
  fixtures[COMMENT] = await factories[COMMENT]();
  commentRowId = (await app.strapi.db.query(COMMENT).findOne({ where: { documentId: fixtures[COMMENT] } })).id;
  for (const uid of contentManagerTypes()) {
    if (!factories[uid]) throw new Error(`${uid} is in the Content Manager: give it a factory in this test and a line in src/bootstrap/admin-roles.ts`);
    fixtures[uid] ??= await factories[uid]();
  }
  // A boot, the seed and an admin user per role (each a bcrypt hash): over a minute on a loaded 2-core CI machine.
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe('the Content Manager, role by role (as the table says)', () => {
  const cases = () =>
    ROLES.flatMap((role) =>
      contentManagerTypes().flatMap((uid) =>
        CM_ACTIONS.filter((action) => action !== 'publish' || app.strapi.contentType(uid as UID.ContentType).options?.draftAndPublish).map(
          (action) => [role, action, uid] as const
        )
      )
    );

  it('walks every role, type and action', async () => {
    const failures: string[] = [];
    const check = (label: string, ok: boolean, detail: string) => {
      if (!ok) failures.push(`${label}: ${detail}`);
    };
    for (const [role, action, uid] of cases()) {
      const want = expected(role, uid, action);
      const label = `${role} ${action} ${uid} (expected ${want})`;
      const fixture = fixtures[uid]!;
      const exists = async (documentId: string) => (await app.strapi.db.query(uid as UID.ContentType).count({ where: { documentId } })) > 0;
      if (action === 'read') {
        const list = await as(role).get(`${CM}/${uid}`);
        const one = await as(role).get(`${CM}/${uid}/${fixture}`);
        if (want === 'denied') {
          check(label, list.status === 403 && one.status === 403, `list ${list.status}, one ${one.status}`);
        } else if (want === 'own-only') {
          const ids = (list.body.results ?? []).map((row: { documentId: string }) => row.documentId);
          check(label, list.status === 200 && !ids.includes(fixture) && one.status === 403, `list ${list.status} (${ids.length} rows), one ${one.status}`);
        } else {
          check(label, list.status === 200 && one.status === 200, `list ${list.status}, one ${one.status}`);
          const fields = readableFields(role, uid);
          if (fields !== 'all' && one.status === 200) {
            const extra = [...Object.keys(one.body.data), ...Object.keys(list.body.results[0] ?? {})].filter((key) => !BASE_KEYS.has(key) && !fields.has(key));
            check(label, extra.length === 0, `shows fields not granted: ${[...new Set(extra)].join(', ')}`);
          }
        }
      } else if (action === 'create') {
        const res = await as(role).post(`${CM}/${uid}`).send({});
        // Allowed: the empty body reaches validation (400) or is saved (201); refused: 403 before anything is read.
        if (want === 'denied') check(label, res.status === 403, `${res.status}`);
        else check(label, [200, 201, 400].includes(res.status), `${res.status} ${JSON.stringify(res.body.error ?? {})}`);
      } else if (action === 'update') {
        const res = await as(role).put(`${CM}/${uid}/${fixture}`).send({});
        if (want === 'allowed') check(label, [200, 400].includes(res.status), `${res.status} ${JSON.stringify(res.body.error ?? {})}`);
        else check(label, res.status === 403, `${res.status}`);
      } else if (action === 'delete') {
        if (want === 'allowed') {
          const documentId = await factories[uid]();
          const res = await as(role).delete(`${CM}/${uid}/${documentId}`);
          check(label, res.status === 200 && !(await exists(documentId)), `${res.status}`);
        } else {
          const res = await as(role).delete(`${CM}/${uid}/${fixture}`);
          check(label, res.status === 403 && (await exists(fixture)), `${res.status}`);
        }
      } else {
        const documentId = want === 'allowed' ? await factories[uid]() : fixture;
        const res = await as(role).post(`${CM}/${uid}/${documentId}/actions/publish`).send({});
        check(label, want === 'allowed' ? res.status === 200 : res.status === 403, `${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets an Author read and edit the drafts they wrote, and not publish them', async () => {
    const created = await as(AUTHOR).post(`${CM}/${ARTICLE}`).send({ title: 'Sleep and worry', body: 'A draft.' }).expect(201);
    const id = created.body.data.documentId as string;
    await as(AUTHOR).get(`${CM}/${ARTICLE}/${id}`).expect(200);
    await as(AUTHOR).put(`${CM}/${ARTICLE}/${id}`).send({ title: 'Sleep and worry, revised' }).expect(200);
    await as(AUTHOR).post(`${CM}/${ARTICLE}/${id}/actions/publish`).send({}).expect(403);
    const listed = (await as(AUTHOR).get(`${CM}/${ARTICLE}`).expect(200)).body.results.map((row: { documentId: string }) => row.documentId);
    expect(listed).toContain(id);
    expect(listed).not.toContain(fixtures[ARTICLE]);
    expect(listed).not.toContain(articleId);
  });

  it('lets an Author clone their own draft, and no one else’s (the copy would show its draft and unpublished edits)', async () => {
    const own = (await as(AUTHOR).post(`${CM}/${ARTICLE}`).send({ title: 'Worry at night', body: 'My draft.' }).expect(201)).body.data.documentId as string;
    const copy = await as(AUTHOR).post(`${CM}/${ARTICLE}/clone/${own}`).send({ title: 'Worry at night, again', slug: 'worry-at-night-again' }).expect(200);
    expect(copy.body.data.body).toBe('My draft.');
    await app.strapi.documents(ARTICLE).update({ documentId: articleId, data: { excerpt: 'UNPUBLISHED-EDIT-CANARY' } });
    const before = await app.strapi.db.query(ARTICLE).count();
    for (const path of [`clone/${articleId}`, `auto-clone/${articleId}`, `clone/${fixtures[ARTICLE]}`]) {
      const answer = await as(AUTHOR).post(`${CM}/${ARTICLE}/${path}`).send({ title: 'Copied', slug: `copied-${path.length}` });
      expect([path, answer.status]).toEqual([path, 403]);
      expect(JSON.stringify(answer.body)).not.toContain('UNPUBLISHED-EDIT-CANARY');
    }
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
    await as(AUTHOR).post(`${CM}/${ARTICLE}/clone/no-such-document`).send({ title: 'Copied', slug: 'copied-nothing' }).expect(404);
    await as(EDITOR).post(`${CM}/${ARTICLE}/clone/${articleId}`).send({ title: 'Copied by the editor', slug: 'copied-by-the-editor' }).expect(200);
  });
});

describe('admin routes of the plugins and the media library, role by role', () => {
  /** Each admin route of a local plugin with the permission its policy requires. */
  const pluginRoutes = () =>
    ['moderation', 'schedule-panel'].flatMap((name) => {
      const routes = (app.strapi.plugin(name).routes as unknown as { admin: { routes: Array<{ method: string; path: string; config: { policies: unknown[] } }> } }).admin.routes;
      return routes.map((route) => {
        const policy = route.config.policies.find((entry): entry is { name: string; config: { actions: string[] } } => typeof entry === 'object' && (entry as { name?: string }).name === 'admin::hasPermissions');
        return { method: route.method.toLowerCase() as 'get' | 'post', path: `/${name}${route.path.replace(':documentId', fixtures[COMMENT]!)}`, action: policy!.config.actions[0] };
      });
    });
  const holds = (role: string, action: string) =>
    role === SUPER_ADMIN_CODE || ADMIN_ROLES[role].actions.some((entry) => (typeof entry === 'string' ? entry : entry.action) === action);

  it('requires the permission the table gives', async () => {
    const failures: string[] = [];
    const routes = [...pluginRoutes(), { method: 'get' as const, path: '/upload/files', action: 'plugin::upload.read' }];
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const role of ROLES) {
      for (const { method, path, action } of routes) {
        const res = await as(role)[method](path).send({});
        const allowed = holds(role, action);
        if (allowed ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403) {
          failures.push(`${role} ${method.toUpperCase()} ${path} (${action}): expected ${allowed ? 'allowed' : '403'}, got ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the permission rows', () => {
  const normalise = (permissions: AdminPermission[]) =>
    permissions
      .map(({ action, subject, properties, conditions }) => `${action} ${subject ?? '-'} [${[...(properties?.fields ?? [])].sort()}] {${[...(conditions ?? [])].sort()}}`)
      .sort();
  const rows = async (code: string): Promise<AdminPermission[]> =>
    app.strapi.db.query('admin::permission').findMany({ where: { role: { code } }, select: ['action', 'subject', 'properties', 'conditions'] });

  it.each(Object.keys(ADMIN_ROLES))('of %s are exactly the table', async (code) => {
    expect(normalise(await rows(code))).toEqual(normalise(resolveAdminPermissions(app.strapi, ADMIN_ROLES[code])));
  });

  it('give readers’ data to Super Admin and, for blocking, the Moderator only', async () => {
    const subjects = async (code: string) => new Set((await rows(code)).map((permission) => permission.subject).filter(Boolean));
    for (const code of [EDITOR, AUTHOR]) {
      expect([...(await subjects(code))].filter((subject) => [COMMENT, REPORT, COMMENTER, BLOCK, DATA_REQUEST, USER, INQUIRY].includes(subject!))).toEqual([]);
    }
    expect([...(await subjects(MODERATOR))].sort()).toEqual([COMMENT, REPORT, BLOCK].sort());
    // Inquiries ("Ask about this group") are the Front office's alone, which sees nothing else but programs (read only).
    expect([...(await subjects(FRONT_OFFICE))].sort()).toEqual([INQUIRY, 'api::group-program.group-program'].sort());
    const moderatorReport = (await rows(MODERATOR)).find((permission) => permission.subject === REPORT)!;
    expect(moderatorReport.properties.fields!.filter((field) => ['readerKey', 'dedupeKey', 'connectionKey'].includes(field))).toEqual([]);
  });
});

describe('what a stolen Editor or Author login can no longer do', () => {
  it('read readers’ addresses, IP hashes or confirmation nonces', async () => {
    for (const role of [EDITOR, AUTHOR]) {
      for (const uid of [COMMENT, COMMENTER, DATA_REQUEST, REPORT, BLOCK, INQUIRY]) await as(role).get(`${CM}/${uid}`).expect(403);
      // Nor through an article's comments (Strapi answers 500 rather than 403 for a field the role may not read).
      const related = await as(role).get(`/content-manager/relations/${ARTICLE}/${articleId}/comments`);
      expect(related.status).not.toBe(200);
      expect(JSON.stringify(related.body)).not.toMatch(/authorName|authorEmail/);
    }
    const commenters = await as(SUPER_ADMIN_CODE).get(`${CM}/${COMMENTER}`).expect(200);
    expect(commenters.body.results[0]).toHaveProperty('confirmationNonce');
    await as(MODERATOR).get(`${CM}/${COMMENTER}`).expect(403);
    const reports = await as(MODERATOR).get(`${CM}/${REPORT}`).expect(200);
    expect(reports.body.results[0]).not.toHaveProperty('readerKey');
  });

  it('approve a waiting comment, or rewrite one', async () => {
    const comment = await factories[COMMENT]();
    for (const role of [EDITOR, AUTHOR]) {
      await as(role).put(`${CM}/${COMMENT}/${comment}`).send({ moderationStatus: 'approved', body: 'Rewritten.' }).expect(403);
      await as(role).post('/moderation/decisions').send({ documentIds: [comment], status: 'approved' }).expect(403);
    }
    expect(await app.strapi.db.query(COMMENT).findOne({ where: { documentId: comment } })).toMatchObject({ moderationStatus: 'pending', body: expect.stringContaining('Thursday group') });
  });

  it('publish a comment as the practice, or file an erasure of someone’s comments', async () => {
    const before = await app.strapi.db.query(COMMENT).count();
    const victim = (await app.strapi.db.query(COMMENT).findOne({ where: { documentId: fixtures[COMMENT] } })).authorEmail as string;
    for (const role of [EDITOR, AUTHOR]) {
      await as(role).post(`${CM}/${COMMENT}`).send({ article: articleId, authorName: 'Counseling Practice', authorEmail: 'team@counseling.example', body: 'Call us.', byPractice: true }).expect(403);
      await as(role).post(`/moderation/comments/${fixtures[COMMENT]}/reply`).send({ body: 'Call us.' }).expect(403);
      await as(role).post(`${CM}/${DATA_REQUEST}`).send({ email: victim, kind: 'erase' }).expect(403);
    }
    expect(await app.strapi.db.query(COMMENT).count()).toBe(before);
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorEmail: victim } })).toBe(1);
  });
});

describe('users-permissions roles', () => {
  it('authenticated: Public’s reads and its own account, no reader data and no moderation', async () => {
    const jwt = await userJwt(app);
    const authed = (request: ReturnType<ReturnType<TestApp['http']>['get']>) => request.set('Authorization', `Bearer ${jwt}`);
    await authed(app.http().get('/api/comments/moderation-queue')).expect(403);
    await authed(app.http().post(`/api/comments/${fixtures[COMMENT]}/moderate`)).send({ status: 'approved' }).expect(403);
    await authed(app.http().put(`/api/comments/${fixtures[COMMENT]}`)).send({ data: { body: 'x' } }).expect(403);
    await authed(app.http().delete(`/api/comments/${fixtures[COMMENT]}`)).expect(403);
    await authed(app.http().get('/api/users')).expect(403);
    await authed(app.http().get('/api/users/me')).expect(200);
    await authed(app.http().get('/api/articles')).expect(200);
  });

  it('authenticated: a permission granted by hand is revoked at start-up', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    for (const action of ['api::comment.comment.moderationQueue', 'api::comment.comment.update', 'plugin::users-permissions.user.find']) {
      await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    await ensureApiRoles(app.strapi);
    const actions = (await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })).map((row: { action: string }) => row.action);
    expect(actions.sort()).toEqual([...AUTHENTICATED_ACTIONS].sort());
    const jwt = await userJwt(app);
    await app.http().get('/api/comments/moderation-queue').set('Authorization', `Bearer ${jwt}`).expect(403);
  });
});

describe('a permission granted by hand to the Editor on comments', () => {
  const grantCommentsToEditor = async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: EDITOR } });
    await app.strapi.service('admin::role').addPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.read', subject: COMMENT, properties: { fields: ['authorEmail', 'ipHash', 'body'] }, conditions: [] },
      { action: 'plugin::content-manager.explorer.update', subject: COMMENT, properties: { fields: ['moderationStatus'] }, conditions: [] },
    ]);
    const read = await as(EDITOR).get(`${CM}/${COMMENT}`).expect(200);
    expect(read.body.results[0]).toHaveProperty('authorEmail');
  };

  it('is removed by the start-up step, which says what it removed', async () => {
    await grantCommentsToEditor();
    const log = captureLog(app.strapi);
    await ensureAdminRoles(app.strapi);
    log.stop();
    expect(log.text()).toContain('warn: Admin role Editor: removed permissions not in src/bootstrap/admin-roles.ts: api::comment.comment: read, update');
    await as(EDITOR).get(`${CM}/${COMMENT}`).expect(403);
  });

  it('is gone after a restart', async () => {
    await grantCommentsToEditor();
    await app.restart();
    await as(EDITOR).get(`${CM}/${COMMENT}`).expect(403);
    await as(EDITOR).put(`${CM}/${COMMENT}/${fixtures[COMMENT]}`).send({ moderationStatus: 'approved' }).expect(403);
    const log = captureLog(app.strapi);
    await ensureAdminRoles(app.strapi);
    log.stop();
    // Nothing left to remove: applying the table again changes nothing and logs nothing.
    expect(log.text()).not.toContain('Admin role');
  });
});
