import http from 'http';
import type { AddressInfo } from 'net';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { userJwt } from '../helpers/auth';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Akismet, optional, against a local server that speaks its protocol (form-encoded POSTs to /1.1/comment-check,
 * /1.1/submit-spam and /1.1/submit-ham, answering "true"/"false"): the real service is unreachable here.
 */
interface AkismetCall {
  path: string;
  form: Record<string, string>;
}

const calls: AkismetCall[] = [];
const SPAM_MARKER = 'zebrafish-discount';
const SLOW_MARKER = 'slowpoke-marker';

const akismet = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const form = Object.fromEntries(new URLSearchParams(body));
    calls.push({ path: req.url ?? '', form });
    const answer = () => {
      if (req.url === '/1.1/comment-check') res.end(form.comment_content?.includes(SPAM_MARKER) ? 'true' : 'false');
      else res.end('Thanks for making the web a better place.');
    };
    if (form.comment_content?.includes(SLOW_MARKER)) setTimeout(answer, 1500);
    else answer();
  });
});

let app: TestApp;
let articleId: string;
let moderatorJwt: string;

const COMMENT = 'api::comment.comment';
const stored = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const post = async (body: string, ip = '198.51.100.23') => {
  const res = await postComment(app, { article: articleId, authorName: 'Robin', authorEmail: uniqueEmail('robin'), body }, ip).expect(201);
  return res.body.data.documentId as string;
};
const checks = () => calls.filter((call) => call.path === '/1.1/comment-check');

beforeAll(async () => {
  await new Promise<void>((resolve) => akismet.listen(0, '127.0.0.1', resolve));
  app = await startStrapi({
    IS_PROXIED: 'true',
    COMMENT_FLOOD_CONTROL: 'false',
    AKISMET_API_KEY: 'test-akismet-key',
    AKISMET_SITE_URL: 'https://practice.example',
    AKISMET_ENDPOINT: `http://127.0.0.1:${(akismet.address() as AddressInfo).port}`,
    AKISMET_TIMEOUT_MS: '400',
  });
  await seedDemoContent(app.strapi);
  articleId = (await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;
  moderatorJwt = await userJwt(app, 'moderator');
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => akismet.close(resolve));
});
beforeEach(() => {
  calls.length = 0;
});

describe('Akismet', () => {
  it('is asked about a comment the rules would hold for review, with what the README says it sends', async () => {
    const documentId = await post(`Our group loved the ${SPAM_MARKER} they found for the Tuesday meetings.`);
    expect(await stored(documentId)).toMatchObject({ moderationStatus: 'spam' });
    expect((await stored(documentId)).flags).toContain('spam:akismet');
    expect(checks()).toHaveLength(1);
    expect(checks()[0].form).toMatchObject({
      api_key: 'test-akismet-key',
      blog: 'https://practice.example',
      user_ip: '198.51.100.23',
      comment_author: 'Robin',
      comment_type: 'comment',
    });
    expect(checks()[0].form.comment_content).toContain(SPAM_MARKER);
    expect(checks()[0].form.comment_author_email).toMatch(/^robin\./);
  });

  it('a comment Akismet calls fine still waits for review as before', async () => {
    const documentId = await post('Is there a group for fathers on Saturday mornings?');
    expect(await stored(documentId)).toMatchObject({ moderationStatus: 'pending' });
    expect(checks()).toHaveLength(1);
  });

  it('never receives a comment with crisis language, nor one the rules already call spam', async () => {
    const crisis = await post('I do not want to be alive anymore and I have a plan for tonight.');
    expect(await stored(crisis)).toMatchObject({ priority: 'urgent' });
    await post('<a href="https://cheap-meds.example/">cheap pills</a>');
    expect(checks()).toHaveLength(0);
  });

  it('a slow or unreachable Akismet leaves the decision to the local rules', async () => {
    const slow = await post(`Does the ${SLOW_MARKER} group meet in the evening?`);
    expect(await stored(slow)).toMatchObject({ moderationStatus: 'pending', priority: 'normal' });
    expect(checks()).toHaveLength(1);

    const endpoint = app.strapi.config.get('moderation.akismet.endpoint');
    app.strapi.config.set('moderation.akismet.endpoint', 'http://127.0.0.1:9');
    try {
      const unreachable = await post(`Unreachable check, ${SPAM_MARKER} included.`);
      expect(await stored(unreachable)).toMatchObject({ moderationStatus: 'pending' });
    } finally {
      app.strapi.config.set('moderation.akismet.endpoint', endpoint);
      }
  });

  it('is told the moderator’s decision, and the address kept for it is then erased', async () => {
    const spam = await post('Is the group still running in August?', '198.51.100.77');
    expect((await stored(spam)).authorIp).toBe('198.51.100.77');
    await app.http().post(`/api/comments/${spam}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'spam' }).expect(200);
    const ham = await post('Can partners attend the first session?', '198.51.100.78');
    await app.http().post(`/api/comments/${ham}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'approved' }).expect(200);

    expect(calls.find((call) => call.path === '/1.1/submit-spam')?.form).toMatchObject({ user_ip: '198.51.100.77', api_key: 'test-akismet-key' });
    expect(calls.find((call) => call.path === '/1.1/submit-ham')?.form).toMatchObject({ user_ip: '198.51.100.78' });
    expect((await stored(spam)).authorIp).toBeNull();
    expect((await stored(ham)).authorIp).toBeNull();
  });

  it('is off without a key: nothing is sent and no address is kept', async () => {
    app.strapi.config.set('moderation.akismet.apiKey', '');
    try {
      const documentId = await post(`Quiet question about the ${SPAM_MARKER}.`);
      expect(await stored(documentId)).toMatchObject({ moderationStatus: 'pending', authorIp: null });
      expect(calls).toHaveLength(0);
    } finally {
      app.strapi.config.set('moderation.akismet.apiKey', 'test-akismet-key');
    }
  });
});
