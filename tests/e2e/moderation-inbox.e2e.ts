import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { startSmtpCapture } from '../helpers/smtp';
import { GATES_OPEN } from '../helpers/readers';

/**
 * The moderation inbox as a moderator works in it, in Debian's Chromium, on the built project with its admin panel:
 * urgent first, the resources email, a keyboard approval, three marked as spam at once, an undo, a reply as the
 * practice; the public thread then shows exactly what was approved. A verified returning author's clean comments are
 * published by the rules and wait in "Published without review": one is marked seen, the other urgent (off the public
 * page); a reply that would confirm a client relationship is held until "Send anyway". An Editor sees none of it.
 * Screenshots of every step go to tests/e2e/artifacts/inbox-*.png.
 */
const ARTIFACTS = path.resolve(__dirname, 'artifacts');
const SEED_SLUG = 'whats-the-difference-between-a-support-group-and-group-therapy';
const EDITOR = { email: 'inbox.editor@practice.example', password: 'Editor-pass-123' };
const MODERATOR = { email: 'inbox.moderator@practice.example', password: 'Moderator-pass-123' };

let server: ServerProcess;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
const databaseFile = path.join('.tmp', `e2e-inbox-${Date.now()}.db`);
let browser: Browser;
let page: Page;
let step = 0;

const shot = async (name: string) => {
  step += 1;
  await page.screenshot({ path: path.join(ARTIFACTS, `inbox-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
};
const visible = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'visible', timeout });
const gone = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'detached', timeout });

const adminUser = (roleCode: string, user: { email: string; password: string }) =>
  new Promise<void>((resolve, reject) => {
    server.child.on('message', (message: { type?: string; error?: string }) => {
      if (message.type === 'admin-user-created') resolve();
      if (message.type === 'admin-user-failed') reject(new Error(message.error));
    });
    server.child.send({ type: 'admin-user', roleCode, ...user });
  });

const api = async <T,>(pathname: string) => (await fetch(`${server.url}${pathname}`)).json() as Promise<T>;
let articleId = '';
const postComment = async (authorName: string, authorEmail: string, body: string, commenterToken?: string) => {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { article: articleId, authorName, authorEmail, body, ...(commenterToken ? { commenterToken } : {}) } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { documentId: string; state: string } }).data;
};

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
const adminToken = async (user: { email: string; password: string }) => {
  const res = await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  return ((await res.json()) as { data: { token: string } }).data.token;
};
const item = (text: string) => page.locator('[data-testid="queue-item"]', { hasText: text });
const badgeShows = (count: number) => visible(page.getByTestId('moderation-badge').filter({ hasText: new RegExp(`^${count}$`) }));
interface ThreadComment {
  authorName: string;
  body: string;
  replies: Array<{ authorName: string; body: string; byPractice: boolean }>;
}
const thread = async () => (await api<{ data: ThreadComment[] }>(`/api/articles/${SEED_SLUG}/comments?pageSize=100`)).data;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  smtp = await startSmtpCapture();
  server = await startServerProcess({
    ...GATES_OPEN,
    ...productionSecrets(),
    ...smtp.env,
    SERVE_ADMIN_PANEL: 'true',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    SEED_DEMO_CONTENT: 'true',
    COMMENT_FLOOD_CONTROL: 'false',
    LOG_LEVEL: 'info',
  });
  await adminUser('strapi-editor', EDITOR);
  await adminUser('strapi-moderator', MODERATOR);
  articleId = (await api<{ data: { documentId: string } }>(`/api/articles/${SEED_SLUG}`)).data.documentId;
  await postComment('Robin', 'robin@example.com', 'Is the Thursday group open to grandparents raising grandchildren?');
  await postComment('Ash', 'ash@example.com', 'Do I need a referral for the therapy group, or can I call you directly?');
  await postComment('Lee', 'lee@example.com', 'I can’t go on anymore, I want to die.');
  for (const [name, body] of [
    ['Promo One', 'Try the Zentrix focus patch, my whole office swears by it.'],
    ['Promo Two', 'The Zentrix focus patch changed my mornings, look it up.'],
    ['Promo Three', 'Zentrix focus patches are what finally worked for me.'],
    ['Sam', 'Where do I park for the Tuesday evening group?'],
  ]) {
    await postComment(name, `${name.toLowerCase().replace(' ', '.')}@example.com`, body);
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
}, 180_000);

afterAll(async () => {
  fs.writeFileSync(path.join(ARTIFACTS, 'inbox-server.log'), server?.output() ?? '');
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  fs.rmSync(path.resolve(__dirname, '../..', databaseFile), { force: true });
});

describe('a moderator in the inbox', () => {
  it('sees the waiting count on the menu and the urgent comment first, with what to do', async () => {
    await login(MODERATOR);
    await visible(page.getByTestId('moderation-badge'));
    expect(await page.getByTestId('moderation-badge').first().textContent()).toBe('7');
    await shot('menu-badge');
    await page.getByRole('link', { name: /Moderation/ }).first().click();
    await visible(item('I want to die'));
    await visible(page.getByTestId('urgent-help'));
    expect(await item('I want to die').locator('mark').allTextContents()).toEqual(expect.arrayContaining(['want', 'die']));
    await shot('urgent-first');
  }, 90_000);

  it('emails the resources to the reader in crisis, and the item records it', async () => {
    await page.getByRole('button', { name: 'Email them these resources' }).click();
    await visible(page.getByRole('button', { name: 'Resources email sent' }));
    const mail = await smtp.waitFor((message) => message.to.includes('lee@example.com') && message.text.includes('988'));
    expect(mail?.text).not.toContain('want to die');
    await visible(item('I want to die').getByTestId('history'));
    await shot('resources-sent');
  }, 60_000);

  it('approves the oldest pending comment with the keyboard', async () => {
    await page.getByTestId('tab-pending').click();
    await visible(item('grandparents'));
    await page.keyboard.press('a');
    await gone(item('grandparents'));
    await visible(page.getByTestId('undo-bar'));
    await shot('keyboard-approved');
  }, 60_000);

  it('marks three comments as spam at once', async () => {
    for (const name of ['Promo One', 'Promo Two', 'Promo Three']) await item(name).getByRole('checkbox').click();
    await shot('three-selected');
    await page.getByTestId('bulk-actions').getByRole('button', { name: 'Spam', exact: true }).click();
    await gone(item('Zentrix'));
    await page.getByTestId('tab-spam').click();
    for (const name of ['Promo One', 'Promo Two', 'Promo Three']) await visible(item(name));
    await shot('three-spam');
  }, 60_000);

  it('undoes a decision within ten seconds', async () => {
    await page.getByTestId('tab-pending').click();
    await visible(item('Where do I park'));
    await item('Where do I park').getByRole('button', { name: 'Reject', exact: true }).click();
    await gone(item('Where do I park'));
    await page.getByTestId('undo-bar').getByRole('button', { name: /Undo/ }).click();
    await visible(item('Where do I park'));
    await shot('undone');
  }, 60_000);

  it('replies to a question as the practice', async () => {
    await item('referral').getByRole('button', { name: 'Reply as the practice' }).click();
    await page.getByLabel('Reply as the practice').fill('No referral needed: call us and we will book a short intake conversation.');
    await shot('reply-typed');
    await page.getByRole('button', { name: 'Publish reply' }).click();
    await gone(item('referral'));
    await page.getByTestId('tab-approved').click();
    await visible(item('No referral needed'));
    await shot('reply-published');
  }, 60_000);

  it('approves from Strapi’s own Comment list too, through the same route and audit trail', async () => {
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::comment.comment?filters[$and][0][moderationStatus][$eq]=pending`);
    await visible(page.getByRole('gridcell', { name: 'Sam', exact: true }));
    await page.getByRole('row', { name: /Sam/ }).getByRole('checkbox').click();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await gone(page.getByRole('gridcell', { name: 'Sam', exact: true }));
    await shot('content-manager-bulk-approved');
    await page.goto(`${server.url}/admin/plugins/moderation`);
    await page.getByTestId('tab-approved').click();
    await visible(item('Where do I park').getByTestId('history').getByText(/pending → approved/));
    // Sam's approval is undone again so the thread below holds what the inbox approved.
    await item('Where do I park').getByRole('button', { name: 'Unpublish (back to pending)', exact: true }).click();
    await gone(item('Where do I park'));
  }, 60_000);

  it('leaves the public thread with exactly the approved comments and the practice’s reply', async () => {
    const thread = await api<{ data: Array<{ authorName: string; body: string; replies: Array<{ authorName: string; byPractice: boolean }> }> }>(`/api/articles/${SEED_SLUG}/comments`);
    expect(thread.data.map((comment) => comment.authorName)).toEqual(['Robin', 'Ash']);
    expect(thread.data[1].replies).toEqual([expect.objectContaining({ authorName: 'Counseling Practice', byPractice: true })]);
  });
});

describe('comments published without review', () => {
  const CASEY = 'casey@example.com';
  const FIRST = 'Is the Thursday group still meeting in the library annex this spring?';
  const SEEN = 'We went to the open evening last week and the chairs in a circle made it feel less formal.';
  const URGENT = 'My sister came along to the Monday group and now wants to join the one for families too.';
  const REPLY = 'As we discussed in your last session, the families group meets on Mondays in the annex.';
  let moderatorToken = '';
  let seenId = '';
  const asModerator = async <T,>(pathname: string, body?: unknown) =>
    (
      await fetch(`${server.url}${pathname}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${moderatorToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json() as Promise<T>;
  const waiting = async (): Promise<Record<string, number>> => {
    const { data } = await asModerator<{ data: Record<string, number> }>('/moderation/counts');
    return { ...data, total: data.urgent + data.pending + data.unreviewed };
  };

  beforeAll(async () => {
    moderatorToken = await adminToken(MODERATOR);
    // A reader confirms their address and a moderator approves their first comment: from then on the rules publish
    // their clean comments on their own.
    const first = await postComment('Casey', CASEY, FIRST);
    const link = /\/api\/commenters\/confirm\?token=[A-Za-z0-9._%-]+/;
    const mail = await smtp.waitFor((message) => message.to.includes(CASEY) && link.test(message.text), 15_000);
    const { data: confirmed } = await api<{ data: { commenterToken: string } }>(link.exec(mail!.text)![0]);
    await asModerator('/moderation/decisions', { documentIds: [first.documentId], status: 'approved' });
    for (const body of [SEEN, URGENT]) {
      const comment = await postComment('Casey', CASEY, body, confirmed.commenterToken);
      expect(comment.state).toBe('published');
      if (body === SEEN) seenId = comment.documentId;
    }
    expect((await thread()).map((comment) => comment.body)).toEqual(expect.arrayContaining([SEEN, URGENT]));
  }, 60_000);

  it('lists them in their own tab, said plainly, with the crisis risk and language; the badge counts them', async () => {
    const before = await waiting();
    expect(before.unreviewed).toBe(2);
    await page.goto(`${server.url}/admin/plugins/moderation`);
    await badgeShows(before.total);
    await page.getByTestId('tab-unreviewed').click();
    await visible(item(SEEN));
    await visible(item(URGENT));
    expect(await page.getByTestId('tab-unreviewed').textContent()).toBe('Published without review (2)');
    expect(await item(SEEN).getByTestId('published-without-review').textContent()).toMatch(/on the public page and no person has read it yet/);
    expect(await item(SEEN).getByTestId('crisis-risk').textContent()).toMatch(/^Crisis risk 0\.\d\d/);
    expect(await item(SEEN).getByTestId('language').textContent()).toBe('Written in English');
    const keys = await page.getByTestId('keyboard-help').textContent();
    for (const key of ['e seen', 'p back to pending', '! urgent / not urgent']) expect(keys).toContain(key);
    await shot('published-without-review');
  }, 60_000);

  it('marks the oldest seen with e: it leaves the tab, stays public, and the badge follows', async () => {
    const before = await waiting();
    await page.keyboard.press('e');
    await gone(item(SEEN));
    await visible(page.getByTestId('undo-bar').getByText('1 comment marked as seen.'));
    await badgeShows(before.total - 1);
    expect((await waiting()).unreviewed).toBe(1);
    expect((await thread()).map((comment) => comment.body)).toContain(SEEN);
    await shot('marked-seen');
  }, 60_000);

  it('marks the other urgent from the tab: off the public thread, first in Urgent, the badge turns to it', async () => {
    const before = await waiting();
    await item(URGENT).getByRole('button', { name: 'Mark urgent', exact: true }).click();
    await gone(item(URGENT));
    await visible(page.getByTestId('undo-bar').getByText(/1 comment marked urgent/));
    expect((await thread()).map((comment) => comment.body)).not.toContain(URGENT);
    const after = await waiting();
    expect(after).toMatchObject({ unreviewed: 0, urgent: before.urgent + 1, total: before.total });
    await visible(page.locator(`[data-testid="moderation-badge"][aria-label="${after.total} comments to look at, ${after.urgent} urgent"]`));
    await page.getByTestId('tab-urgent').click();
    await visible(item(URGENT).getByTestId('history').getByText(/marked urgent \(approved → pending\)/));
    await shot('marked-urgent');
  }, 60_000);

  it('holds a reply that would confirm a client relationship until "Send anyway"; an edit is checked again', async () => {
    await page.getByTestId('tab-approved').click();
    await item(SEEN).getByRole('button', { name: 'Reply as the practice' }).click();
    await page.getByLabel('Reply as the practice').fill(REPLY);
    await page.getByRole('button', { name: 'Publish reply' }).click();
    const warning = page.getByTestId('reply-warning-client-relationship');
    await visible(warning);
    // The phrases as the moderator wrote them (the server matches on folded text: "sesion").
    expect(await warning.textContent()).toContain('Found: “As we discussed”, “in your last session”');
    expect(await warning.textContent()).toMatch(/confidentiality/);
    await shot('reply-warning');
    expect((await thread()).find((comment) => comment.body === SEEN)?.replies).toEqual([]);

    // Any edit takes the warning (and "Send anyway") away: the new text is checked again when published.
    await page.getByLabel('Reply as the practice').fill(`${REPLY} See you there.`);
    await gone(page.getByTestId('reply-warnings'));
    await page.getByRole('button', { name: 'Publish reply' }).click();
    await visible(page.getByTestId('reply-warnings'));
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await gone(page.getByTestId('reply-warnings'));
    const replies = (await thread()).find((comment) => comment.body === SEEN)?.replies;
    expect(replies).toEqual([expect.objectContaining({ authorName: 'Counseling Practice', byPractice: true, body: `${REPLY} See you there.` })]);
    // The comment's history records it (the practice's reply, newest first, quotes the comment too).
    await visible(page.locator(`[data-document-id="${seenId}"]`).getByTestId('history').getByText(/sent despite: client-relationship/));
    await shot('reply-sent-anyway');
  }, 60_000);
});

describe('an editor', () => {
  it('does not see the inbox, and its admin routes refuse the editor', async () => {
    await login(EDITOR);
    await page.goto(`${server.url}/admin`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: /Moderation/ }).count()).toBe(0);
    await page.goto(`${server.url}/admin/plugins/moderation`);
    await visible(page.getByText(/don't have the permissions|not allowed|forbidden/i));
    await shot('editor-refused');
    const token = await adminToken(EDITOR);
    for (const route of ['/moderation/queue', '/moderation/counts']) {
      expect((await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    }
  }, 60_000);
});
