import { contentHash, decide, moderate, runPipeline, type AuthorStanding, type CommentCandidate, type Flag, type ModerationStatus } from '#domain/moderation';
import { loadCorpus, rules as configuredRules, trainModels, TRAINING_DIR } from '../../scripts/moderation-eval';

const rules = configuredRules();
/** The learned models as a server has them: trained on the labelled corpus. */
const models = trainModels(loadCorpus(TRAINING_DIR));
const computeFlags = (candidate: CommentCandidate, standing: AuthorStanding, with_ = rules) => runPipeline(candidate, standing, with_, models).flags;
const TITLE = 'What’s The Difference Between A Support Group And Group Therapy?';
const firstTime: AuthorStanding = { isDuplicate: false, verified: false, hasApprovedComment: false };
/** A verified address (commenter token) that already has an approved comment. */
const returning: AuthorStanding = { isDuplicate: false, verified: true, hasApprovedComment: true };

interface Case {
  label: string;
  /** Publishing gates of the learned models wide open (only the rules hold a comment). */
  gatesOpen?: boolean;
  body: string;
  history?: AuthorStanding;
  email?: string;
  honeypot?: string;
  status: ModerationStatus;
  priority?: 'normal' | 'urgent';
  flags?: Flag[];
}

/** A labelled corpus: what a counseling article's comment box receives. */
const corpus: Case[] = [
  // spam
  { label: 'the seed comment (generic praise restating the title)', body: 'Insightful comparison! Highlights support vs therapy in mental health guidance.', status: 'spam', flags: ['generic-praise'] },
  { label: 'the seed comment from a previously approved address', body: 'Insightful comparison! Highlights support vs therapy in mental health guidance.', history: returning, status: 'spam' },
  { label: 'short generic praise', body: 'Very informative article, thanks for sharing.', status: 'spam', flags: ['generic-praise'] },
  { label: 'praise restating the topic', body: 'Great post. Group therapy and support groups are both valuable options for mental and emotional well-being.', status: 'spam' },
  { label: 'blocked term', body: 'Best online casino bonuses here', status: 'spam', flags: ['blocked-term'] },
  { label: 'blocked term in leetspeak', body: 'cheap v1agra no prescription', status: 'spam', flags: ['blocked-term'] },
  { label: 'two links', body: 'See http://a.example.com and www.b-example.net for more', status: 'spam', flags: ['too-many-links'] },
  { label: 'honeypot filled', body: 'I found this useful for my family.', honeypot: 'http://bot.example', status: 'spam', flags: ['honeypot'] },
  { label: 'the same text as someone else: reviewed, not spam', body: 'My father passed last spring and the grief group helped me a lot.', history: { ...returning, isDuplicate: true }, status: 'pending', flags: ['duplicate-text'] },
  { label: 'known spam email domain', body: 'I have been looking for a group like this for my son.', email: 'bot@cheap-meds.example', status: 'spam', flags: ['known-spam-source'] },
  { label: 'link to a known spam domain', body: 'Read my story at https://spam.example/story', history: returning, status: 'spam', flags: ['known-spam-source', 'link'] },
  // genuine questions and stories
  { label: 'question about joining', body: 'How do I sign up for the grief support group? Do I need a referral?', status: 'pending', flags: [] },
  { label: 'story', body: 'I lost my mother last year. Reading this made me realise a support group might be a gentler first step than therapy for me.', status: 'pending', flags: [] },
  { label: 'praise with a real question', body: 'Great article! Is the depression group covered by insurance?', status: 'pending', flags: [] },
  { label: 'praise with a personal story', body: 'Really helpful. My husband and I have been unsure whether our son needs therapy or a group, and this cleared it up.', status: 'pending', flags: [] },
  // The learned gates are calibrated (and judged) in moderation-eval.test.ts; with them open, the rules alone decide.
  { label: 'returning author with a clean comment, the learned gates open', body: 'Thank you, I will ask the front office about the next therapy group.', history: returning, status: 'approved', flags: [], gatesOpen: true },
  { label: 'returning author with a clean comment the learned review model doubts: held', body: 'Thank you, I will ask the front office about the next therapy group.', history: returning, status: 'pending' },
  { label: 'returning author with one link', body: 'This page https://www.example.org/groups explains this too.', history: returning, status: 'pending', flags: ['link'] },
  { label: 'a link to a helpline is not a link to hold', body: 'The 988 Lifeline is free and confidential, https://988lifeline.org has a chat too.', status: 'pending', flags: [] },
  { label: 'two helpline links are not spam', body: 'In the UK https://www.samaritans.org, in the US https://988lifeline.org', status: 'pending', flags: [] },
  { label: 'a private-contact pitch', body: 'Anyone interested in a group chat, dm me on telegram', history: returning, status: 'spam', flags: ['suspect-term'] },
  { label: 'suspect term', body: 'Is there a discount for students in the evening group?', history: returning, status: 'pending', flags: ['suspect-term', 'commercial'] },
  // personal details
  { label: 'phone number', body: 'Please call me about the group, 555-123-4567, evenings are best.', history: returning, status: 'pending', flags: ['phone-number'] },
  { label: 'international phone number', body: 'You can reach me on +44 20 7946 0958 any time.', history: returning, status: 'pending', flags: ['phone-number'] },
  { label: 'email address', body: 'Write to me at jane.doe@gmail.com if you went through this too.', history: returning, status: 'pending', flags: ['email-address'] },
  { label: 'street address', body: 'We meet informally at 42 Oak Street on Sundays if anyone wants to join.', history: returning, status: 'pending', flags: ['street-address'] },
  // crisis language
  { label: 'suicidal thoughts', body: 'I have been having suicidal thoughts since the divorce and I do not know who to talk to.', history: returning, status: 'pending', priority: 'urgent', flags: ['crisis'] },
  { label: 'ending my life', body: 'Some nights I think about ending my life.', status: 'pending', priority: 'urgent', flags: ['crisis'] },
  { label: 'saved-up pills', body: 'I have saved up my pills, just in case it gets worse.', history: returning, status: 'pending', priority: 'urgent', flags: ['crisis'] },
  { label: 'self-harm', body: 'I started self-harming again after my dad died.', status: 'pending', priority: 'urgent', flags: ['crisis'] },
  { label: 'typographic apostrophe', body: 'I don’t want to wake up anymore.', status: 'pending', priority: 'urgent', flags: ['crisis'] },
  { label: 'crisis inside spam-like text is still reviewed', body: 'Great post. I want to die. http://a.example.com http://b.example.com', status: 'pending', priority: 'urgent' },
  { label: 'bereavement by suicide: held for review, not urgent', body: 'Does the practice run a suicide loss survivors group?', history: returning, status: 'pending', priority: 'normal', flags: ['suicide-loss'] },
];

describe('the moderation pipeline on a labelled corpus', () => {
  it.each(corpus)('$label → $status', ({ body, history = firstTime, email = 'reader@example.com', honeypot, status, priority = 'normal', flags, gatesOpen }) => {
    const withGates = gatesOpen ? { ...rules, crisisModel: { ...rules.crisisModel, approveBelow: 1, reviewBelow: 1 } } : rules;
    const { verdict } = moderate({ body, authorEmail: email, honeypot, articleTitle: TITLE }, history, withGates, models);
    expect(verdict.moderationStatus).toBe(status);
    expect(verdict.priority).toBe(priority);
    // The learned models' holding flags are judged by moderation-eval.test.ts; here the rules' own flags.
    if (flags) expect(verdict.flags.filter((flag) => !flag.includes(':') && !['crisis-risk', 'review-risk'].includes(flag)).sort()).toEqual([...flags].sort());
  });
});

describe('decide', () => {
  it('publishes a verified returning author without review only when no flag holds it', () => {
    expect(decide([], returning)).toMatchObject({ moderationStatus: 'approved', autoApproved: true });
    expect(decide(['crisis-risk' as Flag], returning)).toMatchObject({ moderationStatus: 'pending', autoApproved: false });
  });
  it('holds comments the models could not score or in a language the rules do not read', () => {
    for (const flag of ['crisis-risk:unscored', 'spam-likely', 'language:it', 'language:unknown'] as Flag[]) expect(decide([flag], returning).moderationStatus).toBe('pending');
  });
  it('makes a comment urgent on the learned model alone, even with spam flags', () => {
    expect(decide(['crisis:model', 'honeypot'], returning)).toMatchObject({ moderationStatus: 'pending', priority: 'urgent' });
  });
  it('never auto-approves a first-time author', () => {
    expect(decide([], firstTime).moderationStatus).toBe('pending');
  });
  it('never auto-approves a flagged comment from a returning author', () => {
    expect(decide(['email-address'], returning).moderationStatus).toBe('pending');
  });
  it('makes crisis urgent even with spam flags', () => {
    expect(decide(['crisis', 'honeypot'], firstTime)).toMatchObject({ moderationStatus: 'pending', priority: 'urgent' });
  });
});

describe('no model, no trust', () => {
  it('holds a clean comment from a returning author when the learned models cannot answer', () => {
    const { verdict } = moderate({ body: 'Thank you, I will ask the front office about the next therapy group.', authorEmail: 'a@b.c', articleTitle: TITLE }, returning, rules, {});
    expect(verdict.moderationStatus).toBe('pending');
    expect(verdict.flags).toEqual(expect.arrayContaining(['crisis-risk:unscored', 'spam-likely']));
  });
});

describe('thresholds come from config', () => {
  it('holds one link for review and marks maxLinks links as spam', () => {
    const oneLink = computeFlags({ body: 'see https://x.example.org', authorEmail: 'a@b.c' }, returning, { ...rules, maxLinks: 3 });
    const threeLinks = computeFlags({ body: 'a.com b.com c.com', authorEmail: 'a@b.c' }, returning, { ...rules, maxLinks: 3 });
    expect(oneLink).toContain('link');
    expect(threeLinks).toContain('too-many-links');
  });
  it('uses extra blocked terms', () => {
    expect(computeFlags({ body: 'try acme pills', authorEmail: 'a@b.c' }, firstTime, { ...rules, blockedTerms: ['acme pills'] })).toContain('blocked-term');
  });
});

describe('contentHash', () => {
  it('is the same across case, spacing, accents and disguises', () => {
    expect(contentHash('Hello   World')).toBe(contentHash('hello world'));
    expect(contentHash('Ça va')).toBe(contentHash('ca va'));
    expect(contentHash('h\u200bello')).toBe(contentHash('hello'));
  });
});

describe('auto-approval is earned, not typed', () => {
  it('never approves an unverified address, even one with an approved comment', () => {
    expect(decide([], { isDuplicate: false, verified: false, hasApprovedComment: true }).moderationStatus).toBe('pending');
  });
  it('never approves a verified address without an approved comment', () => {
    expect(decide([], { isDuplicate: false, verified: true, hasApprovedComment: false }).moderationStatus).toBe('pending');
  });
  it.each(['sensitive:medication', 'named-diagnosis', 'link', 'suicide-loss', 'past-crisis'] as Flag[])('never approves a comment flagged %s', (flag) => {
    expect(decide([flag], returning).moderationStatus).toBe('pending');
  });
});
