import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { postComment, uniqueEmail } from './comments';
import type { startSmtpCapture } from './smtp';
import type { TestApp } from './strapi';

export const COMMENT = 'api::comment.comment';
export type Smtp = Awaited<ReturnType<typeof startSmtpCapture>>;

let texts = 0;
/** A comment text no other test uses, so the repeat rule never answers with another comment. */
export const freshText = (about = 'the Thursday grief group') => `I have a question about ${about} (${(texts += 1)}).`;

export const stored = (app: TestApp, documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });

/** POST /api/comments on the seed article, from a new IP unless one is given. */
export const post = (app: TestApp, data: Record<string, unknown>, ip?: string) =>
  postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Robin', authorEmail: uniqueEmail(), body: freshText(), ...data }, ip);

/** The link to `path` in the latest email to `email` that has one: its path and query, as the reader's click requests them. */
export const linkIn = async (smtp: Smtp, email: string, path: string) => {
  const pattern = new RegExp(`http://cms\\.test${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9._%-]+`);
  const mail = await smtp.waitFor((message) => message.to.includes(email) && pattern.test(message.text));
  if (!mail) throw new Error(`no email to ${email} with a link to ${path}`);
  const url = new URL(pattern.exec(mail.text)![0]);
  return url.pathname + url.search;
};

/** A reader who confirmed their address: their email, commenter token and first (pending) comment. */
export const verifiedReader = async (app: TestApp, smtp: Smtp, name = 'verified') => {
  const email = uniqueEmail(name);
  const first = await post(app, { authorEmail: email }).expect(201);
  const confirmed = await app.http().get(await linkIn(smtp, email, '/api/commenters/confirm')).expect(200);
  return { email, token: confirmed.body.data.commenterToken as string, firstComment: first.body.data.documentId as string };
};

/** A comment a moderator approved (public). */
export const approvedComment = async (app: TestApp, data: Record<string, unknown> = {}) => {
  const res = await post(app, data).expect(201);
  const { documentId } = res.body.data as { documentId: string };
  await app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'approved' } });
  return documentId;
};

/** The env every readers test file boots with: SMTP capture, a fixed secret and public URL. */
export const readersEnv = (smtp: Smtp, secret: string, extra: Record<string, string> = {}) => ({
  IS_PROXIED: 'true',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_IGNORE_TLS: 'true',
  PUBLIC_URL: 'http://cms.test',
  COMMENTER_TOKEN_SECRET: secret,
  MODERATOR_EMAILS: 'moderators@practice.example',
  ...extra,
});

/**
 * The learned models' publishing gates wide open: for tests of what happens once a comment is published without
 * review (the tab, "seen", urgency). The gates' own calibration is judged in tests/unit/moderation-eval.test.ts.
 */
export const GATES_OPEN = { CRISIS_MODEL_APPROVE_BELOW: '1', REVIEW_MODEL_APPROVE_BELOW: '1' };
