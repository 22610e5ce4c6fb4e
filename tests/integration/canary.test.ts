import type { UID } from '@strapi/strapi';
import { partialInput, programData } from '../helpers/content';
import { fullAccessApiToken } from '../helpers/auth';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { postComment } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The canary leak test: drafts, unpublished edits, rejected, spam and pending comments and every private field carry
 * a marker; every public route is walked with generated filters (one-, two- and three-hop paths through every
 * attribute, private ones included, with every operator), sort, fields and populate. A marker in any answer, or a
 * probe that answers differently when it matches a marker than when it matches nothing, fails the test.
 */
const MARK = 'qzcanary';
let app: TestApp;

const TYPES: Record<string, UID.ContentType> = {
  articles: 'api::article.article',
  topics: 'api::topic.topic',
  'group-programs': 'api::group-program.group-program',
  comments: 'api::comment.comment',
};
const OPERATORS = ['$eq', '$eqi', '$ne', '$startsWith', '$startsWithi', '$contains', '$containsi', '$endsWith', '$in', '$notNull', '$null', '$gt', '$lt'];

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false' });
  await seedDemoContent(app.strapi);
  const topic = await app.strapi.documents('api::topic.topic').findFirst({ filters: { slug: 'grief' } });
  const articles = app.strapi.documents('api::article.article');
  await articles.create({ data: partialInput<'api::article.article'>({ title: `${MARK}draft title`, body: `${MARK}draft body`, excerpt: `${MARK}draft excerpt`, authorName: `${MARK}author`, topics: [topic!.documentId] }) });
  const published = await articles.create({ data: partialInput<'api::article.article'>({ title: 'Canary published', body: 'public body', topics: [topic!.documentId] }), status: 'published' });
  await articles.update({ documentId: published.documentId, data: { title: `${MARK}edit title`, body: `${MARK}edit body` } });
  // In Spanish: a version never published, and a published version with an unpublished edit; a Spanish program draft.
  const griefEs = [{ documentId: topic!.documentId, locale: 'es' }];
  await articles.update({ documentId: published.documentId, locale: 'es', data: partialInput<'api::article.article'>({ title: `${MARK}borrador título`, body: `${MARK}borrador`, excerpt: `${MARK}extracto`, topics: griefEs as never }) });
  const both = await articles.create({ data: partialInput<'api::article.article'>({ title: 'Canary in both', body: 'public body', topics: [topic!.documentId] }), status: 'published' });
  await articles.update({ documentId: both.documentId, locale: 'es', data: partialInput<'api::article.article'>({ title: 'Canario publicado', body: 'cuerpo público', topics: griefEs as never }), status: 'published' });
  await articles.update({ documentId: both.documentId, locale: 'es', data: { title: `${MARK}edición título`, body: `${MARK}edición cuerpo` } });
  const programs = app.strapi.documents('api::group-program.group-program');
  const circle = await programs.create({ data: { ...programData('Canary circle in both'), topics: [topic!.documentId] } as never, status: 'published' });
  await programs.update({ documentId: circle.documentId, locale: 'es', data: { title: `${MARK}programa borrador`, summary: `${MARK}resumen`, topics: griefEs } as never });
  await app.strapi.documents('api::group-program.group-program').create({
    data: { title: `${MARK}draft program`, kind: 'support-group', summary: `${MARK}summary`, format: 'online', enrollmentStatus: 'open', topics: [topic!.documentId], facilitator: { name: `${MARK}facilitator` } } as never,
  });
  // A published hybrid program whose private meeting link carries the marker: the feed, JSON-LD and calendars read it.
  await app.strapi.documents('api::group-program.group-program').create({
    data: { ...programData('Canary hybrid circle'), format: 'hybrid', location: 'Room 4', meetingUrl: `https://meet.example/${MARK}-room`, topics: [topic!.documentId] } as never,
    status: 'published',
  });
  const comments = app.strapi.documents('api::comment.comment');
  const base = { article: SEED_ARTICLE.slug, authorName: 'Canary reader' };
  const approved = await postComment(app, { ...base, authorEmail: `${MARK}approved@example.com`, body: 'An approved question about the group?' }).expect(201);
  await comments.update({ documentId: approved.body.data.documentId, data: { moderationStatus: 'approved', moderationNote: `${MARK}note` } });
  for (const status of ['rejected', 'spam', 'pending'] as const) {
    const res = await postComment(app, { ...base, authorEmail: `${MARK}${status}@example.com`, body: `${MARK}${status} body text`, parent: approved.body.data.documentId }).expect(201);
    if (status !== 'pending') await comments.update({ documentId: res.body.data.documentId, data: { moderationStatus: status, moderationNote: `${MARK}note` } });
  }
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** Filter paths from `uid`: its attributes, and through relations up to `hops` deep. */
const paths = (uid: UID.ContentType, hops: number, prefix: string[] = []): string[][] => {
  const attributes = app.strapi.contentType(uid).attributes as Record<string, { type: string; target?: string }>;
  return Object.entries(attributes).flatMap(([name, attribute]) => {
    const here = [...prefix, name];
    if (attribute.type === 'relation' && attribute.target && hops > 1 && attribute.target.startsWith('api::')) {
      return [here, ...paths(attribute.target as UID.ContentType, hops - 1, here)];
    }
    return attribute.type === 'relation' || attribute.type === 'media' ? [] : [here];
  });
};

const filterQuery = (path: string[], operator: string, value: string) => `filters${path.map((part) => `[${part}]`).join('')}[${operator}]=${encodeURIComponent(value)}`;

/** `echo`: what the request itself sent (a 404 may name the slug it was asked for). */
const expectNoMarker = (url: string, text: string, echo = '') => {
  if (text.toLowerCase().replaceAll(echo.toLowerCase() || '\u0000', '').includes(MARK)) throw new Error(`${url} leaked a marker: ${text.slice(0, 300)}`);
};

/** Each route, and each route of localised content in Spanish too. */
const WALKS: Array<[string, string]> = Object.keys(TYPES).flatMap((route) => [[route, ''] as [string, string], ...(route === 'comments' ? [] : [[route, '&locale=es'] as [string, string]])]);

it.each(WALKS)('GET /api/%s%s never shows a marker and answers a matching probe like a non-matching one', async (route, locale) => {
  let probes = 0;
  const seen = new Set<string>();
  for (const path of paths(TYPES[route], 3)) {
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const operator of OPERATORS) {
      const [hit, miss] = await Promise.all(
        [MARK, 'zzznothing'].map((value) => app.http().get(`/api/${route}?${filterQuery(path, operator, value)}${locale}`))
      );
      probes += 1;
      expectNoMarker(hit.request.url, hit.text);
      if (hit.status !== miss.status || JSON.stringify(hit.body) !== JSON.stringify(miss.body).replace(/zzznothing/g, MARK)) {
        throw new Error(`${route} ${key} ${operator}: a marker probe answered ${hit.status} ${hit.text.slice(0, 200)}, a miss ${miss.status} ${miss.text.slice(0, 200)}`);
      }
    }
  }
  const attributes = Object.keys(app.strapi.contentType(TYPES[route]).attributes);
  for (const name of attributes) {
    for (const query of [`sort=${name}:asc`, `fields[0]=${name}`, `populate[${name}]=true`, `populate=${name}`, `status=draft`, `populate=*`, `pagination[pageSize]=100`]) {
      const res = await app.http().get(`/api/${route}?${query}${locale}`);
      expectNoMarker(`/api/${route}?${query}${locale}`, res.text);
      expect(res.status).toBeLessThan(500);
    }
  }
  expect(probes).toBeGreaterThan(20);
}, 240_000);

it('single documents, threads, the feed and calendars never show a marker', async () => {
  const approved = await app.strapi.db.query('api::comment.comment').findOne({ where: { authorEmail: `${MARK}approved@example.com` } });
  const urls = [
    `/api/articles/${SEED_ARTICLE.slug}`,
    `/api/articles/${SEED_ARTICLE.slug}?populate[topics][populate][articles]=true`,
    `/api/articles/${SEED_ARTICLE.slug}/comments?pageSize=100`,
    `/api/comments/${approved.documentId}`,
    '/api/topics/grief',
    '/api/group-programs/upcoming?pageSize=100',
    '/api/group-programs/upcoming?pageSize=100&include=jsonLd,calendarLinks',
    '/api/group-programs/upcoming.ics',
    '/api/group-programs/canary-hybrid-circle',
    '/api/group-programs?pagination[pageSize]=100&include=jsonLd,calendarLinks',
    '/api/group-programs/canary-hybrid-circle?populate=*',
    '/api/group-programs/canary-hybrid-circle/calendar.ics',
    '/api/topics/grief?populate[groupPrograms]=true',
    '/api/articles?populate[relatedPrograms]=true',
    '/api/sitemap.xml',
    '/api/openapi.json',
    '/api/comments?pagination[pageSize]=100',
    '/api/articles/canario-publicado?locale=es',
    '/api/articles/canario-publicado?locale=es&populate[topics][populate][articles]=true',
    '/api/articles?locale=es&populate[relatedPrograms]=true&populate[topics]=true',
    '/api/topics/duelo?locale=es&populate[articles]=true&populate[groupPrograms]=true',
    '/api/group-programs?locale=es&pagination[pageSize]=100&include=jsonLd,calendarLinks',
    '/api/group-programs/upcoming?locale=es&pageSize=100&include=jsonLd,calendarLinks',
    '/api/group-programs/upcoming.ics?locale=es',
    '/api/group-programs/canary-circle-in-both/calendar.ics?locale=es',
    '/api/articles/canario-publicado/comments?locale=es',
  ];
  // Twice each: the second answer comes from the response cache.
  for (const url of [...urls, ...urls]) {
    const res = await app.http().get(url);
    expect(res.status).toBeLessThan(500);
    expectNoMarker(url, res.text);
  }
  // The Spanish versions are there to be read: the walk above reads them, not a 404.
  const spanish = await app.http().get('/api/articles/canario-publicado?locale=es').expect(200);
  expect(spanish.body.data).toMatchObject({ title: 'Canario publicado', locale: 'es' });
  expect((await app.http().get('/api/topics/duelo?locale=es&populate[articles]=true').expect(200)).body.data.articles.map((article: { title: string }) => article.title)).toContain('Canario publicado');
  // Nor to an API token with full access (a static site build's): the content API never gives a private field.
  const token = await fullAccessApiToken(app.strapi);
  for (const url of [...urls.slice(0, 12), ...urls.filter((url) => url.includes('locale=es'))]) {
    const res = await app.http().get(url).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBeLessThan(500);
    expectNoMarker(`${url} (full-access token)`, res.text);
  }
  // The feed shows the program (so the test reads what the marker would be in), without its meeting link.
  const feed = await app.http().get('/api/group-programs/upcoming?pageSize=100&include=jsonLd&from=2027-01-01&to=2027-02-01').expect(200);
  const hybrid = feed.body.data.find((item: { slug: string }) => item.slug === 'canary-hybrid-circle');
  expect(hybrid.jsonLd['@graph'][0].location).toEqual([
    { '@type': 'Place', name: 'Room 4', address: 'Room 4' },
    { '@type': 'VirtualLocation', name: 'Online (link sent by the front office)', url: expect.stringContaining('canary-hybrid-circle') },
  ]);
  for (const draft of await app.strapi.db.query('api::article.article').findMany({ where: { title: { $startsWith: MARK } }, select: ['documentId', 'slug'] })) {
    for (const [url, echo] of [[`/api/articles/${draft.documentId}`, draft.documentId], [`/api/articles/${draft.slug}`, draft.slug], [`/api/articles/${draft.slug}/comments`, draft.slug]]) {
      const res = await app.http().get(url);
      expect(res.status).toBeLessThan(500);
      expectNoMarker(url, res.text, echo);
    }
  }
});
