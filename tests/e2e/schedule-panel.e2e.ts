import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * The editors' Sessions panel in Debian's Chromium, on the built project: an editor types a weekly therapy group
 * that crosses Veterans Day, Thanksgiving and the end of daylight saving time, watches the dates change as they type, skips the
 * holiday in one click, publishes, and the feed leaves that date out; "Schedule next term" drafts the next term
 * after the last session. Before publishing, they move one session and cancel another from the panel, and the feed
 * lists them as moved and cancelled. Screenshots in tests/e2e/artifacts/panel-*.png.
 */
const ARTIFACTS = path.resolve(__dirname, 'artifacts');
const EDITOR = { email: 'panel.editor@practice.example', password: 'Editor-pass-123' };
const PROGRAM = 'api::group-program.group-program';

let server: ServerProcess;
const databaseFile = path.join('.tmp', `e2e-panel-${Date.now()}.db`);
let browser: Browser;
let page: Page;
let step = 0;
let programId = '';

const shot = async (name: string) => {
  step += 1;
  await page.screenshot({ path: path.join(ARTIFACTS, `panel-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
};
const visible = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'visible', timeout });
const gone = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'detached', timeout });
const choose = async (label: RegExp, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
const panel = () => page.getByTestId('sessions-panel');

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServerProcess({ ...productionSecrets(), SERVE_ADMIN_PANEL: 'true', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: databaseFile, SEED_DEMO_CONTENT: 'true', HOLIDAYS_COUNTRY: 'US' });
  await new Promise<void>((resolve, reject) => {
    server.child.on('message', (message: { type?: string; error?: string }) => {
      if (message.type === 'admin-user-created') resolve();
      if (message.type === 'admin-user-failed') reject(new Error(message.error));
    });
    server.child.send({ type: 'admin-user', roleCode: 'strapi-editor', ...EDITOR });
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1200 } });
}, 180_000);

afterAll(async () => {
  fs.writeFileSync(path.join(ARTIFACTS, 'panel-server.log'), server?.output() ?? '');
  await browser?.close();
  await server?.stop();
  fs.rmSync(path.resolve(__dirname, '../..', databaseFile), { force: true });
});

describe('an editor with the Sessions panel', () => {
  it('sees the sessions change as they type, with the Thanksgiving and clock-change warnings', async () => {
    await page.goto(`${server.url}/admin/auth/login`);
    await page.getByLabel(/email/i).fill(EDITOR.email);
    await page.getByLabel(/password/i).fill(EDITOR.password);
    await page.getByRole('button', { name: /log ?in/i }).click();
    await page.waitForURL(/\/admin(?!\/auth)/, { timeout: 30_000 });

    await page.goto(`${server.url}/admin/content-manager/collection-types/${PROGRAM}/create`);
    // The form fills in once it knows its locale: what is typed before that is lost.
    await visible(page.getByText('English (en)', { exact: true }));
    await visible(page.getByRole('button', { name: /^Save$/ }));
    await page.getByLabel(/^Title/).fill('Mindful Coping Group, autumn');
    await page.getByLabel(/^Summary/).fill('Eight weekly sessions of coping skills.');
    await choose(/Kind of group/, 'Group therapy');
    await choose(/Where it meets/, 'Online');
    await page.getByRole('button', { name: /No entry yet/i }).first().click();
    await page.getByLabel(/^Name/).fill('Dr. Ana Ruiz');
    await choose(/^Time zone/, 'America/New_York');
    await page.getByLabel(/^First session/).click();
    await page.keyboard.type('10/07/2027');
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Start time/).click();
    await page.getByRole('option', { name: '18:00' }).click();
    await page.getByLabel(/^Session length/).fill('90');
    await choose(/^Repeats/, 'Every week (or every few weeks)');
    await choose(/^Ends/, 'Ends after a number of sessions');
    await page.getByLabel(/^Session count/).fill('8');

    await visible(panel().getByText('Thursday 2027-11-25, 6:00–7:30 pm'));
    await visible(panel().getByTestId('warning-holiday').getByText('2027-11-25: Thanksgiving Day'));
    await visible(panel().getByTestId('warning-dst').getByText('2027-11-07: clocks go back one hour'));
    await visible(panel().getByText('8 sessions to come, the last on 2027-11-25.'));
    await shot('warnings');

    // As the editor types, the panel follows.
    await page.getByLabel(/^Session count/).fill('10');
    await visible(panel().getByText('10 sessions to come, the last on 2027-12-09.'));
    await page.getByLabel(/^Session count/).fill('8');
    await visible(panel().getByText('8 sessions to come, the last on 2027-11-25.'));
    await shot('typing');
  }, 120_000);

  it('skips the holiday in one click', async () => {
    await panel().getByRole('button', { name: 'Skip these dates' }).click();
    await gone(panel().getByTestId('warning-holiday'));
    await shot('holiday-skipped');
    // Veterans Day (November 11) is a public holiday too: both are skipped, and the eight sessions end later.
    await visible(panel().getByText('8 sessions to come, the last on 2027-12-09.'));
  }, 90_000);

  it('moves one session and cancels another from the panel, seeing each in the preview before saving', async () => {
    await panel().getByRole('button', { name: 'Move the session on 2027-10-14' }).click();
    const move = panel().getByRole('group', { name: 'Move the session on 2027-10-14' });
    await move.getByLabel(/^New date/).fill('2027-10-15');
    await move.getByLabel(/^Start time/).fill('19:00');
    await move.getByLabel(/^Place/).fill('Room 2, Elm Street');
    await move.getByRole('button', { name: 'Save change' }).click();
    await visible(panel().getByTestId('session-2027-10-15').getByText('Moved from 2027-10-14'));
    await visible(panel().getByText('Friday 2027-10-15, 7:00–8:30 pm, Room 2, Elm Street'));

    await panel().getByRole('button', { name: 'Cancel the session on 2027-10-21' }).click();
    const cancel = panel().getByRole('group', { name: 'Cancel the session on 2027-10-21' });
    await cancel.getByLabel(/^Reason readers will see/).fill('The facilitator is ill');
    await cancel.getByRole('button', { name: 'Save change' }).click();
    await visible(panel().getByTestId('session-2027-10-21').getByText('Cancelled: The facilitator is ill'));
    expect(await panel().getByTestId('session-2027-10-21').getAttribute('data-status')).toBe('cancelled');
    await shot('session-changes');

    // Undo takes a change back before saving; the cancel is made again.
    await panel().getByRole('button', { name: 'Undo the change to the session on 2027-10-21' }).click();
    await visible(panel().getByRole('button', { name: 'Cancel the session on 2027-10-21' }));
    await panel().getByRole('button', { name: 'Cancel the session on 2027-10-21' }).click();
    await panel().getByRole('group', { name: 'Cancel the session on 2027-10-21' }).getByLabel(/^Reason readers will see/).fill('The facilitator is ill');
    await panel().getByRole('group', { name: 'Cancel the session on 2027-10-21' }).getByRole('button', { name: 'Save change' }).click();
    await visible(panel().getByText('Cancelled: The facilitator is ill'));

  }, 90_000);

  it('publishes, and the feed leaves the holidays out and lists the moved and cancelled sessions', async () => {
    await page.getByRole('button', { name: /^Save$/ }).click();
    await visible(page.getByText('Saved document'));
    await page.getByRole('button', { name: /^Publish$/ }).click();
    await visible(page.getByText('Published document'));
    programId = page.url().split('/').pop()!.split('?')[0];
    await shot('published');

    const feed = (await (await fetch(`${server.url}/api/group-programs/upcoming?from=2027-10-01&to=2028-01-31&pageSize=50`)).json()) as {
      data: Array<{ slug: string; upcomingSessions: Array<{ start: string; status: string; previousStart?: string; reason?: string; location?: string }> }>;
    };
    const program = feed.data.find((item) => item.slug === 'mindful-coping-group-autumn');
    const dates = program!.upcomingSessions.map((session) => session.start.slice(0, 10));
    expect(dates).not.toContain('2027-11-25');
    expect(dates).not.toContain('2027-11-11');
    expect(dates).toContain('2027-12-09');
    const on = (date: string) => program!.upcomingSessions.find((session) => session.start.startsWith(date));
    expect(on('2027-10-15')).toMatchObject({ status: 'moved', start: '2027-10-15T19:00:00-04:00', previousStart: '2027-10-14T18:00:00-04:00', location: 'Room 2, Elm Street' });
    expect(on('2027-10-14')).toBeUndefined();
    expect(on('2027-10-21')).toMatchObject({ status: 'cancelled', reason: 'The facilitator is ill' });
  }, 90_000);

  it('drafts the next term after the last session with one click', async () => {
    const action = page.getByRole('button', { name: 'Schedule next term' });
    if (!(await action.isVisible())) await page.getByRole('button', { name: 'More document actions' }).click();
    await page.getByText('Schedule next term').first().click();
    await page.waitForURL((url) => url.pathname.includes(PROGRAM) && !url.pathname.endsWith(programId), { timeout: 15_000 });
    await visible(panel().getByText('Thursday 2027-12-16, 6:00–7:30 pm'));
    await visible(page.getByText(/Draft/).first());
    await shot('next-term');
  }, 60_000);
});
