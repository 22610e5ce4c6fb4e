'use strict';

/**
 * Realistic data at scale, created through the Document Service like any other content (slugs, schedule
 * validation and moderation all run): N programs with varied schedules and topics, articles related to them, and
 * a thread of approved comments under the first article. Idempotent in size: it tops up to the numbers asked.
 */
const TOPICS = ['Grief', 'Substance use', 'Depression', 'Anxiety', 'Trauma', 'Parenting', 'Couples', 'Teens', 'Eating disorders', 'Chronic illness'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Australia/Sydney'];
const WEEKDAY_DATES = (today, offsetDays) => {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offsetDays));
  return date.toISOString().slice(0, 10);
};

/** The schedule of program number `i`: a deterministic mix of every kind of repeat. */
const scheduleFor = (i, today) => {
  const kind = i % 3 === 0 ? 'group-therapy' : 'support-group';
  const offset = (i % 120) - 60; // first sessions from two months ago to two months ahead
  const timezone = ZONES[i % ZONES.length];
  const startTime = `${String(9 + (i % 11)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00.000`;
  const base = { timezone, startTime, durationMinutes: 60 + (i % 4) * 15, interval: 1, skippedDates: [] };
  if (kind === 'group-therapy') {
    return { kind, schedule: { ...base, firstSessionDate: WEEKDAY_DATES(today, Math.abs(offset) % 45), repeats: 'weekly', ends: 'after-sessions', sessionCount: 6 + (i % 3) } };
  }
  const variant = i % 4;
  if (variant === 0) return { kind, schedule: { ...base, firstSessionDate: WEEKDAY_DATES(today, offset), repeats: 'weekly', ends: 'never' } };
  if (variant === 1) return { kind, schedule: { ...base, firstSessionDate: WEEKDAY_DATES(today, offset), repeats: 'weekly', interval: 2, ends: 'never' } };
  if (variant === 2) {
    // The first Tuesday on or after the date, so "1st and 3rd" is consistent.
    const date = new Date(`${WEEKDAY_DATES(today, offset)}T00:00:00Z`);
    date.setUTCDate(1);
    while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
    return { kind, schedule: { ...base, firstSessionDate: date.toISOString().slice(0, 10), repeats: 'monthly-by-weekday', weeksOfMonth: 'first-and-third', ends: 'never' } };
  }
  return { kind, schedule: { ...base, firstSessionDate: WEEKDAY_DATES(today, offset), repeats: 'monthly-by-date', shortMonths: 'last-day', ends: 'never' } };
};

async function ensureTopics(strapi) {
  const ids = [];
  for (const name of TOPICS) {
    const existing = await strapi.documents('api::topic.topic').findFirst({ filters: { name }, fields: ['documentId'] });
    ids.push((existing || (await strapi.documents('api::topic.topic').create({ data: { name } }))).documentId);
  }
  return ids;
}

async function seedScale(strapi, { programs = 0, articles = 0, comments = 0, queued = 0, today = new Date().toISOString() }) {
  const day = new Date(today);
  const topicIds = await ensureTopics(strapi);
  const PROGRAM = 'api::group-program.group-program';
  const startedAt = Date.now();

  const existingPrograms = await strapi.db.query(PROGRAM).count({ where: { publishedAt: { $notNull: true } } });
  for (let i = existingPrograms; i < programs; i += 1) {
    const { kind, schedule } = scheduleFor(i, day);
    await strapi.documents(PROGRAM).create({
      data: {
        title: `${TOPICS[i % TOPICS.length]} ${kind === 'group-therapy' ? 'therapy group' : 'support group'} ${i + 1}`,
        kind,
        summary: `A ${kind.replace('-', ' ')} on ${TOPICS[i % TOPICS.length].toLowerCase()}.`,
        format: ['in-person', 'online', 'hybrid'][i % 3],
        location: i % 3 === 1 ? 'Online' : `Office ${1 + (i % 5)}`,
        capacity: 8 + (i % 8),
        seatsTaken: i % 8,
        enrollmentStatus: ['open', 'open', 'waitlist', 'closed'][i % 4],
        cost: i % 2 ? 'Free' : '$35 per session',
        cancelled: false,
        facilitator: { name: `Facilitator ${1 + (i % 25)}`, credentials: 'LCSW' },
        topics: [topicIds[i % topicIds.length], topicIds[(i + 3) % topicIds.length]],
        schedule,
      },
      status: 'published',
    });
  }

  const ARTICLE = 'api::article.article';
  const programIds = (await strapi.db.query(PROGRAM).findMany({ select: ['documentId'], where: { publishedAt: { $notNull: true } }, limit: 50 })).map((p) => p.documentId);
  const existingArticles = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
  for (let i = existingArticles; i < articles; i += 1) {
    await strapi.documents(ARTICLE).create({
      data: {
        title: `Bench article ${i + 1}`,
        body: `## Section\n\nText of article ${i + 1}.`,
        topics: [topicIds[i % topicIds.length]],
        relatedPrograms: programIds.slice(i % 10, (i % 10) + 4),
      },
      status: 'published',
    });
  }

  const first = await strapi.db.query(ARTICLE).findOne({ where: { publishedAt: { $notNull: true } }, orderBy: { id: 'asc' }, select: ['documentId', 'slug'] });
  const COMMENT = 'api::comment.comment';
  const existingComments = first ? await strapi.db.query(COMMENT).count({ where: { article: { documentId: first.documentId } } }) : 0;
  let parent = null;
  for (let i = existingComments; first && i < comments; i += 1) {
    const created = await strapi.documents(COMMENT).create({
      data: {
        article: first.documentId,
        parent: i % 5 !== 0 && parent ? parent : null,
        authorName: `Reader ${i + 1}`,
        authorEmail: `reader${i + 1}@bench.example`,
        body: `Question number ${i + 1}: how do sessions work when I miss one?`,
        moderationStatus: 'pending',
        priority: 'normal',
      },
    });
    await strapi.documents(COMMENT).update({ documentId: created.documentId, data: { moderationStatus: 'approved' } });
    if (i % 5 === 0) parent = created.documentId;
  }

  // A moderation queue: `queued` comments waiting for review (one in twenty urgent), as the rules would flag them,
  // inserted in batches (the pipeline's cost is measured by the POST cases, not here).
  const waiting = first ? await strapi.db.query(COMMENT).count({ where: { moderationStatus: 'pending' } }) : 0;
  const articleRow = first && (await strapi.db.query(ARTICLE).findOne({ where: { documentId: first.documentId, publishedAt: { $notNull: true } }, select: ['id'] }));
  const { joinTable } = strapi.db.metadata.get(COMMENT).attributes.article;
  const randomId = () => require('crypto').randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24);
  for (let start = waiting; first && start < queued; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(queued, start + 500); i += 1) {
      const urgent = i % 20 === 0;
      const now = new Date(Date.now() - (queued - i) * 60_000).toISOString();
      batch.push({
        documentId: randomId(),
        authorName: `Waiting reader ${i + 1}`,
        authorEmail: `waiting${i % 700}@bench.example`,
        body: urgent ? `I don't want to be here anymore, comment ${i + 1}.` : `Is the group on ${['Monday', 'Tuesday', 'Thursday'][i % 3]} still open? Question ${i + 1}.`,
        moderationStatus: 'pending',
        priority: urgent ? 'urgent' : 'normal',
        flags: urgent ? ['crisis', 'crisis:ideation'] : [],
        flagSummary: urgent ? 'crisis, crisis:ideation' : '',
        byPractice: false,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      });
    }
    await strapi.db.query(COMMENT).createMany({ data: batch });
    const ids = await strapi.db.query(COMMENT).findMany({ where: { documentId: { $in: batch.map((row) => row.documentId) } }, select: ['id'] });
    await strapi.db
      .connection(joinTable.name)
      .insert(ids.map(({ id }) => ({ [joinTable.joinColumn.name]: id, [joinTable.inverseJoinColumn.name]: articleRow.id })));
  }

  return { programs, articles, comments, queued, articleSlug: first && first.slug, seconds: (Date.now() - startedAt) / 1000 };
}

module.exports = { seedScale, scheduleFor };
