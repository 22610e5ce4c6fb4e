import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * The admin panel as editors and moderators use it, in Debian's Chromium. The server is the built project with
 * its admin panel, on a fresh SQLite database with the demo content. Every step leaves a screenshot in
 * tests/e2e/artifacts/; a failure keeps its screenshot and the server log there.
 */
const ARTIFACTS = path.resolve(__dirname, 'artifacts');
const SEED_SLUG = 'whats-the-difference-between-a-support-group-and-group-therapy';
const EDITOR = { email: 'editor@practice.example', password: 'Editor-pass-123' };
const MODERATOR = { email: 'moderator@practice.example', password: 'Moderator-pass-123' };

let server: ServerProcess;
const databaseFile = path.join('.tmp', `e2e-${Date.now()}.db`);
let browser: Browser;
let page: Page;
let step = 0;

const shot = async (name: string) => {
  step += 1;
  await page.screenshot({ path: path.join(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
};

const adminUser = (roleCode: string, user: { email: string; password: string }) =>
  new Promise<void>((resolve, reject) => {
    server.child.on('message', (message: { type?: string; error?: string }) => {
      if (message.type === 'admin-user-created') resolve();
      if (message.type === 'admin-user-failed') reject(new Error(message.error));
    });
    server.child.send({ type: 'admin-user', roleCode, ...user });
  });

const api = async (pathname: string) => (await fetch(`${server.url}${pathname}`)).json() as Promise<any>; // JSON as the API answers it

const login = async (user: { email: string; password: string }) => {
  await page.context().clearCookies();
  await page.goto(`${server.url}/admin/auth/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(user.email);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL(/\/admin(?!\/auth)/, { timeout: 30_000 });
};

/** Waits until the locator is on screen (jest's expect has no Playwright matchers). */
const visible = (locator: ReturnType<Page['locator']>, timeout = 15_000) => locator.first().waitFor({ state: 'visible', timeout });

/**
 * Waits until an edit form has loaded its locale (a localised type's form fills in once it knows it): what is typed
 * before that is lost.
 */
const formReady = async (locale: string) => {
  await visible(page.getByText(locale, { exact: true }));
  await visible(page.getByRole('button', { name: /^Save$/ }));
};

/** Picks an option of a Strapi combobox (enumeration) field by its label. */
const choose = async (label: RegExp, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServerProcess({
    ...productionSecrets(),
    SERVE_ADMIN_PANEL: 'true',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    SEED_DEMO_CONTENT: 'true',
    LOG_LEVEL: 'info',
  });
  await adminUser('strapi-editor', EDITOR);
  await adminUser('strapi-moderator', MODERATOR);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 180_000);

// The screen as each test left it, passed or failed: a failure keeps its last picture (and the server log below).
afterEach(async () => {
  const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 60).toLowerCase();
  await shot(`end-${name}`).catch(() => undefined);
});

afterAll(async () => {
  fs.writeFileSync(path.join(ARTIFACTS, 'server.log'), server?.output() ?? '');
  await browser?.close();
  await server?.stop();
  fs.rmSync(path.resolve(__dirname, '../..', databaseFile), { force: true });
});

describe('an editor', () => {
  it('creates an 8-week therapy group: a missing session count is refused with a message, then it is published', async () => {
    await login(EDITOR);
    await shot('editor-home');
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::group-program.group-program/create`);
    await formReady('English (en)');
    await page.getByLabel(/^Title/).fill('Anxiety Skills Group (8 weeks)');
    await page.getByLabel(/^Summary/).fill('Eight weekly sessions of skills for anxiety, led by a psychologist.');
    await choose(/Kind of group/, 'Group therapy');
    await choose(/Where it meets/, 'Online');
    // Therapist-led: the facilitator component is empty until added.
    await page.getByRole('button', { name: /No entry yet/i }).first().click();
    await page.getByLabel(/^Name/).fill('Dr. Sam Lee');
    await page.getByLabel(/^Credentials/).fill('PsyD');
    await choose(/^Time zone/, 'America/New_York'); // a list of IANA names, not free text
    await page.getByLabel(/^First session/).click();
    await page.keyboard.type('01/04/2027');
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Start time/).click();
    await page.getByRole('option', { name: '18:00' }).click();
    await page.getByLabel(/^Session length/).fill('90');
    await choose(/^Repeats/, 'Every week (or every few weeks)');
    await choose(/^Ends/, 'Ends after a number of sessions');
    await shot('editor-program-form');

    await page.getByRole('button', { name: /^Save$/ }).click();
    await visible(page.getByText('Enter how many sessions the program has').first());
    await shot('editor-validation-message');

    await page.getByLabel(/^Session count/).fill('8');
    await page.getByRole('button', { name: /^Save$/ }).click();
    await visible(page.getByText('Saved document'));
    await page.getByRole('button', { name: /^Publish$/ }).click();
    await visible(page.getByText('Published document'));
    await shot('editor-published');

    const feed = await api('/api/group-programs/upcoming?from=2027-01-01&to=2027-03-01');
    const program = feed.data.find((item: { slug: string }) => item.slug === 'anxiety-skills-group-8-weeks');
    expect(program.nextSession.start).toBe('2027-01-04T18:00:00-05:00');
    expect(program.sessionsRemaining).toBe(8);
  }, 120_000);

  it('links the new program to the seed article and publishes it', async () => {
    const article = (await api(`/api/articles/${SEED_SLUG}`)).data;
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${article.documentId}`);
    await formReady('English (en)');
    await page.getByRole('combobox', { name: /Related group programs/ }).click();
    await page.getByRole('option', { name: /Anxiety Skills Group/ }).click();
    await shot('editor-article-linked');
    await page.getByRole('button', { name: /^Publish$/ }).click();
    await visible(page.getByText('Published document'));
    const after = (await api(`/api/articles/${SEED_SLUG}`)).data;
    expect(after.relatedPrograms.map((program: { slug: string }) => program.slug)).toContain('anxiety-skills-group-8-weeks');
  }, 60_000);

  it('writes the Spanish version of the new program: its own title and slug, the schedule shared and read in Spanish', async () => {
    const english = (await api('/api/group-programs/anxiety-skills-group-8-weeks')).data;
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::group-program.group-program/${english.documentId}?plugins[i18n][locale]=es`);
    await formReady('Spanish (es)');
    await shot('editor-spanish-empty');
    await page.getByLabel(/^Title/).fill('Grupo de habilidades para la ansiedad (8 semanas)');
    await page.getByLabel(/^Summary/).fill('Ocho sesiones semanales de habilidades para la ansiedad, dirigidas por una psicóloga.');
    await shot('editor-spanish-filled');
    await page.getByRole('button', { name: /^Save$/ }).click();
    await visible(page.getByText('Saved document'));
    // Saved, the form and its Sessions panel hold the program's own schedule (shared), not the empty one a new
    // translation's form starts with.
    await visible(page.getByText('Every Monday, 6:00–7:30 pm, 8 sessions'));
    await page.getByRole('button', { name: /^Publish$/ }).click();
    await visible(page.getByText('Published document'));
    await shot('editor-spanish-published');

    const spanish = (await api('/api/group-programs/grupo-de-habilidades-para-la-ansiedad-8-semanas?locale=es')).data;
    expect(spanish).toMatchObject({ documentId: english.documentId, locale: 'es', kind: 'group-therapy', format: 'online' });
    expect(spanish.schedule).toMatchObject({ firstSessionDate: '2027-01-04', sessionCount: 8 });
    expect(spanish.scheduleSummary).toBe('Cada lunes, 18:00–19:30, 8 sesiones');
    const feed = await api('/api/group-programs/upcoming?locale=es&from=2027-01-01&to=2027-03-01');
    const item = feed.data.find((entry: { documentId: string }) => entry.documentId === english.documentId);
    expect(item).toMatchObject({ title: 'Grupo de habilidades para la ansiedad (8 semanas)', sessionsRemaining: 8 });
    expect((await api('/api/group-programs/anxiety-skills-group-8-weeks')).data.title).toBe('Anxiety Skills Group (8 weeks)');
  }, 90_000);
});

describe('a moderator', () => {
  it('sees only Comments, approves the genuine comment, and finds the seed comment already held as spam', async () => {
    const article = (await api(`/api/articles/${SEED_SLUG}`)).data;
    const genuine = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { article: article.documentId, authorName: 'Jordan', authorEmail: 'jordan@example.com', body: 'Is the Thursday group open to grandparents raising grandchildren?' } }),
    });
    expect(genuine.status).toBe(201);

    await login(MODERATOR);
    await page.goto(`${server.url}/admin/content-manager`);
    await shot('moderator-menu');
    await visible(page.getByRole('link', { name: 'Comment' }).first());
    expect(await page.getByRole('link', { name: 'Article', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Group program', exact: true }).count()).toBe(0);

    await page.goto(`${server.url}/admin/content-manager/collection-types/api::comment.comment?filters[$and][0][moderationStatus][$eq]=pending`);
    await visible(page.getByText('Jordan'));
    await shot('moderator-pending');
    await page.getByText('Jordan').click();
    await choose(/^Status/, 'approved');
    await page.getByRole('button', { name: /^Save$/ }).click();
    await visible(page.getByText('Saved document'));
    await shot('moderator-approved');

    // The seed article's generic-praise comment: the pipeline already holds it as spam, flagged, never public.
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::comment.comment?filters[$and][0][moderationStatus][$eq]=spam`);
    await visible(page.getByText('generic-praise'));
    await page.getByText('Denny V. Smith').click();
    await visible(page.getByRole('combobox', { name: /^Status/ }).filter({ hasText: 'spam' }));
    await shot('moderator-spam-comment');

    const publicComments = await api(`/api/articles/${SEED_SLUG}/comments`);
    expect(publicComments.data.map((comment: { authorName: string }) => comment.authorName)).toEqual(['Jordan']);
  }, 90_000);

  it('cannot open or edit an article, in the panel or through the API', async () => {
    const article = (await api(`/api/articles/${SEED_SLUG}`)).data;
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${article.documentId}`);
    await visible(page.getByText(/don't have the permissions|not allowed|forbidden/i).first());
    await shot('moderator-article-blocked');
    const login = await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MODERATOR) });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const res = await fetch(`${server.url}/content-manager/collection-types/api::article.article/${article.documentId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Defaced' }),
    });
    expect(res.status).toBe(403);
    expect((await api(`/api/articles/${SEED_SLUG}`)).data.title).not.toBe('Defaced');
  }, 60_000);
});
