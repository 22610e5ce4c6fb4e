import { programData, partialInput } from '../helpers/content';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { ARTICLE_ES, PROGRAMS_ES } from '../../src/seed/demo-es';
import { startSmtpCapture } from '../helpers/smtp';
import { GATES_OPEN, linkIn, readersEnv, type Smtp } from '../helpers/readers';

/**
 * English (default) and Spanish end to end, over HTTP: each public route in both locales, slugs per locale,
 * drafts and unpublished edits of a translation never in an answer, kept answers per locale, a comment in the
 * Spanish article's thread answered in Spanish, the sitemap's alternates.
 */
let app: TestApp;
let smtp: Smtp;
const ARTICLE = 'api::article.article';
const PROGRAM = 'api::group-program.group-program';
const GRIEF_ES = PROGRAMS_ES['grief-support-group'];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi(readersEnv(smtp, 'i18n-secret', { ...GATES_OPEN, COMMENT_FLOOD_CONTROL: 'false', PROGRAM_URL_TEMPLATE: 'https://www.example.org/programs/{slug}' }));
  await seedDemoContent(app.strapi);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const get = (url: string) => app.http().get(url);

describe('articles, programs and topics', () => {
  it('answers each locale with its own version, and the default locale when none is asked', async () => {
    const english = await get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200);
    expect(english.body.data).toMatchObject({ title: SEED_ARTICLE.title, locale: 'en' });
    const spanish = await get(`/api/articles/${ARTICLE_ES.slug}?locale=es`).expect(200);
    expect(spanish.body.data).toMatchObject({ title: ARTICLE_ES.title, locale: 'es', documentId: english.body.data.documentId });
    // The Spanish version relates to the Spanish programs and topics, and its upcoming sessions read in Spanish.
    expect(spanish.body.data.relatedPrograms.map((program: { title: string }) => program.title)).toContain(GRIEF_ES.title);
    expect(spanish.body.data.topics.map((topic: { name: string }) => topic.name).sort()).toEqual(['Consumo de sustancias', 'Depresión', 'Duelo']);
    expect(spanish.body.data.upcomingPrograms.length).toBeGreaterThan(0);
    for (const item of spanish.body.data.upcomingPrograms) expect(item.schedule.summary).toMatch(/^(Cada|El|Una vez)/);
    expect(english.body.data.upcomingPrograms[0].schedule.summary).toMatch(/^(Every|The|Once|Monthly)/);
    // A slug is looked up in the asked locale.
    await get(`/api/articles/${ARTICLE_ES.slug}`).expect(404);
    await get(`/api/articles/${SEED_ARTICLE.slug}?locale=es`).expect(404);
    // The documentId reads the asked locale's version.
    const byId = await get(`/api/articles/${english.body.data.documentId}?locale=es`).expect(200);
    expect(byId.body.data.title).toBe(ARTICLE_ES.title);
  });

  it('lists one locale at a time', async () => {
    const [en, es] = await Promise.all([get('/api/group-programs?pagination[pageSize]=100'), get('/api/group-programs?locale=es&pagination[pageSize]=100')]);
    const titles = (res: { body: { data: Array<{ title: string; locale: string }> } }) => res.body.data.map((program) => program.title);
    expect(titles(en)).toContain('Grief Support Group');
    expect(titles(en)).not.toContain(GRIEF_ES.title);
    expect(titles(es)).toContain(GRIEF_ES.title);
    expect(titles(es)).not.toContain('Grief Support Group');
    expect(es.body.data.every((program: { locale: string }) => program.locale === 'es')).toBe(true);
    const grief = es.body.data.find((program: { title: string }) => program.title === GRIEF_ES.title);
    // Shared fields are the same in both; the schedule in words is each locale's own.
    const griefEn = en.body.data.find((program: { documentId: string }) => program.documentId === grief.documentId);
    expect({ ...grief.schedule, id: undefined }).toEqual({ ...griefEn.schedule, id: undefined });
    expect(grief.capacity).toBe(griefEn.capacity);
    expect(grief.scheduleSummary).toBe('El primer y tercer martes de cada mes, 18:00–19:30');
    expect(griefEn.scheduleSummary).toBe('The 1st and 3rd Tuesday of each month, 6:00–7:30 pm');
    expect(grief.addToCalendar.ics).toMatch(/\/calendar\.ics\?locale=es$/);
    const topics = await get('/api/topics?locale=es').expect(200);
    expect(topics.body.data.map((topic: { slug: string }) => topic.slug).sort()).toEqual(['consumo-de-sustancias', 'depresion', 'duelo']);
  });

  it('refuses a locale that does not exist, naming the parameter', async () => {
    for (const url of ['/api/articles?locale=fr', `/api/articles/${SEED_ARTICLE.slug}?locale=xx`, '/api/group-programs/upcoming?locale=fr', `/api/articles/${SEED_ARTICLE.slug}/comments?locale=fr`]) {
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^locale must be one of en, es/);
    }
  });

  it('makes slugs per locale: a translation gets its own from its title, and may share its English slug', async () => {
    const documents = app.strapi.documents(ARTICLE);
    const article = await documents.create({ data: partialInput<'api::article.article'>({ title: 'Coping with loss', body: 'English body.' }), status: 'published' });
    await documents.update({ documentId: article.documentId, locale: 'es', data: partialInput<'api::article.article'>({ title: 'Afrontar la pérdida', body: 'Cuerpo.' }), status: 'published' });
    const spanish = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: article.documentId, locale: 'es', publishedAt: { $notNull: true } } });
    expect(spanish.slug).toBe('afrontar-la-perdida');
    // Another Spanish article with the same title gets -2 in Spanish; an English one with that title does not.
    const again = await documents.create({ locale: 'es', data: partialInput<'api::article.article'>({ title: 'Afrontar la pérdida', body: 'Otro.' }) });
    expect(again.slug).toBe('afrontar-la-perdida-2');
    const english = await documents.create({ data: partialInput<'api::article.article'>({ title: 'Afrontar la pérdida', body: 'English.' }) });
    expect(english.slug).toBe('afrontar-la-perdida');
  });
});

describe('a new translation', () => {
  it('takes the document\'s shared fields, whatever its form sent (the admin panel sends a required component\'s defaults)', async () => {
    const programs = app.strapi.documents(PROGRAM);
    const english = await programs.create({ data: { ...programData('Shared schedule circle'), capacity: 9, schedule: { ...programData('x').schedule, ends: 'after-sessions', sessionCount: 6 } } as never, status: 'published' });
    await programs.update({
      documentId: english.documentId,
      locale: 'es',
      data: { title: 'Círculo del horario compartido', summary: 'Un grupo semanal.', capacity: 1, schedule: { timezone: 'America/New_York', durationMinutes: 90, repeats: 'weekly', interval: 1, ends: 'never' } } as never,
      status: 'published',
    });
    const read = async (locale: string) =>
      (await programs.findOne({ documentId: english.documentId, locale, status: 'published', populate: { schedule: true } })) as unknown as { capacity: number; scheduleSummary: string; schedule: { firstSessionDate: string; ends: string; sessionCount: number } };
    const [en, es] = [await read('en'), await read('es')];
    expect(en).toMatchObject({ capacity: 9, schedule: { firstSessionDate: '2027-01-05', ends: 'after-sessions', sessionCount: 6 } });
    expect(es).toMatchObject({ capacity: 9, schedule: { firstSessionDate: '2027-01-05', ends: 'after-sessions', sessionCount: 6 }, scheduleSummary: 'Cada martes, 18:00–19:30, 6 sesiones' });
    // Once the translation exists, a shared field changed in it is changed in every locale, each summary in its words.
    await programs.update({ documentId: english.documentId, locale: 'es', data: { schedule: { ...programData('x').schedule, ends: 'after-sessions', sessionCount: 4 } } as never, status: 'published' });
    expect((await read('en')).scheduleSummary).toBe('Every Tuesday, 6:00–7:30 pm, 4 sessions');
    expect((await read('es')).scheduleSummary).toBe('Cada martes, 18:00–19:30, 4 sesiones');
  });
});

it('keeps a draft\'s schedule change out of every published version\'s summary until it is published', async () => {
  const programs = app.strapi.documents(PROGRAM);
  const english = await programs.create({ data: programData('Draft schedule circle') as never, status: 'published' });
  await programs.update({ documentId: english.documentId, locale: 'es', data: { title: 'Círculo del borrador', summary: 'Semanal.' } as never, status: 'published' });
  const thursday = { ...programData('x').schedule, firstSessionDate: '2027-01-07' };
  await programs.update({ documentId: english.documentId, data: { schedule: thursday } as never });
  const published = async () => (await get('/api/group-programs/circulo-del-borrador?locale=es').expect(200)).body.data;
  expect((await published()).scheduleSummary).toBe('Cada martes, 18:00–19:30');
  expect((await get('/api/group-programs/draft-schedule-circle').expect(200)).body.data.scheduleSummary).toBe('Every Tuesday, 6:00–7:30 pm');
  await programs.publish({ documentId: english.documentId, locale: '*' });
  const after = await published();
  expect(after.scheduleSummary).toBe(after.schedule.firstSessionDate === '2027-01-07' ? 'Cada jueves, 18:00–19:30' : 'Cada martes, 18:00–19:30');
  expect((await get('/api/group-programs/draft-schedule-circle').expect(200)).body.data.scheduleSummary).toBe('Every Thursday, 6:00–7:30 pm');
});

describe('a Spanish draft and an unpublished Spanish edit', () => {
  const MARK = 'qzspanishcanary';
  let documentId: string;

  beforeAll(async () => {
    const programs = app.strapi.documents(PROGRAM);
    const program = await programs.create({ data: programData('Canary circle') as never, status: 'published' });
    documentId = program.documentId;
    // A Spanish version never published, and a published Spanish version of another program edited in draft.
    await programs.update({ documentId, locale: 'es', data: { title: `${MARK} borrador`, summary: `${MARK} resumen` } as never });
    const other = await programs.create({ data: programData('Canary edited circle') as never, status: 'published' });
    await programs.update({ documentId: other.documentId, locale: 'es', data: { title: 'Círculo publicado', summary: 'Resumen publicado.' } as never, status: 'published' });
    await programs.update({ documentId: other.documentId, locale: 'es', data: { title: `${MARK} edición`, summary: `${MARK} edición` } as never });
  });

  it('never reach an answer in either locale, by any route, filter or populate', async () => {
    const urls = [
      '/api/group-programs?locale=es&pagination[pageSize]=100',
      '/api/group-programs?pagination[pageSize]=100',
      '/api/group-programs?locale=es&include=jsonLd,calendarLinks',
      '/api/group-programs/canary-circle?locale=es',
      '/api/group-programs/circulo-publicado?locale=es',
      `/api/group-programs/${documentId}?locale=es`,
      '/api/group-programs/upcoming?locale=es&pageSize=100&include=jsonLd',
      '/api/group-programs/upcoming.ics?locale=es',
      '/api/group-programs/circulo-publicado/calendar.ics?locale=es',
      '/api/topics?locale=es&populate[groupPrograms]=true',
      '/api/articles?locale=es&populate[relatedPrograms]=true',
      `/api/group-programs?locale=es&filters[title][$containsi]=${MARK}`,
      `/api/topics?locale=es&filters[groupPrograms][title][$containsi]=${MARK}`,
      '/api/sitemap.xml',
    ];
    for (const url of [...urls, ...urls]) {
      const res = await get(url);
      expect(res.status).toBeLessThan(500);
      if (res.text.toLowerCase().includes(MARK)) throw new Error(`${url} leaked: ${res.text.slice(0, 300)}`);
    }
    await get('/api/group-programs/canary-circle?locale=es').expect(404);
    const published = await get('/api/group-programs/circulo-publicado?locale=es').expect(200);
    expect(published.body.data.title).toBe('Círculo publicado');
    const filtered = await get(`/api/group-programs?locale=es&filters[title][$containsi]=${MARK}`).expect(200);
    expect(filtered.body.data).toEqual([]);
  });
});

describe('the feed and calendars', () => {
  it('serve each locale in its words and on its pages', async () => {
    const es = await get('/api/group-programs/upcoming?locale=es&include=jsonLd').expect(200);
    const grief = es.body.data.find((item: { title: string }) => item.title === GRIEF_ES.title);
    expect(grief).toMatchObject({ summary: GRIEF_ES.summary, url: expect.stringMatching(/^https:\/\/www\.example\.org\/es\/programs\//) });
    expect(grief.schedule.summary).toBe('El primer y tercer martes de cada mes, 18:00–19:30');
    expect(grief.jsonLd['@graph'][0]).toMatchObject({ name: GRIEF_ES.title, inLanguage: 'es' });
    expect(grief.jsonLd['@graph'][0].offers).toMatchObject({ price: 0 });
    const en = await get('/api/group-programs/upcoming?include=jsonLd').expect(200);
    const griefEn = en.body.data.find((item: { documentId: string }) => item.documentId === grief.documentId);
    expect(griefEn).toMatchObject({ title: 'Grief Support Group', url: expect.stringMatching(/^https:\/\/www\.example\.org\/programs\//) });
    expect(griefEn.jsonLd['@graph'][0].inLanguage).toBe('en');

    const ics = await get('/api/group-programs/upcoming.ics?locale=es').expect(200);
    expect(ics.text).toContain(`SUMMARY:${GRIEF_ES.title}`);
    expect(ics.text).toMatch(/PRODID:.*\/\/ES/);
    expect(ics.text).not.toContain('SUMMARY:Grief Support Group');
    const one = await get(`${new URL(grief.addToCalendar.ics).pathname}${new URL(grief.addToCalendar.ics).search}`).expect(200);
    expect(one.text).toContain(`SUMMARY:${GRIEF_ES.title}`);
  });

  it('keeps each locale\'s answer apart in the response cache and clears the locale a change is in', async () => {
    const url = '/api/group-programs?locale=es&pagination[pageSize]=100';
    const first = await get(url).expect(200);
    await get('/api/group-programs?pagination[pageSize]=100').expect(200);
    const grief = first.body.data.find((program: { title: string }) => program.title === GRIEF_ES.title);
    await app.strapi.documents(PROGRAM).update({ documentId: grief.documentId, locale: 'es', data: { title: 'Grupo de apoyo en el duelo (martes)' } as never, status: 'published' });
    const after = await get(url).expect(200);
    expect(after.body.data.map((program: { title: string }) => program.title)).toContain('Grupo de apoyo en el duelo (martes)');
    const english = await get('/api/group-programs?pagination[pageSize]=100').expect(200);
    expect(english.body.data.map((program: { title: string }) => program.title)).toContain('Grief Support Group');
  });
});

describe('comments', () => {
  it('join the thread of the version they were written under, and are answered in its language', async () => {
    const posted = await postComment(app, { article: ARTICLE_ES.slug, authorName: 'Lucía', authorEmail: uniqueEmail('lucia'), body: '¿Cuándo empieza el próximo grupo?' }).expect(201);
    expect(posted.body.data.message).toBe('Gracias, hemos recibido tu comentario y está pendiente de revisión.');
    await app.strapi.documents('api::comment.comment').update({ documentId: posted.body.data.documentId, data: { moderationStatus: 'approved' } });
    const spanish = await get(`/api/articles/${ARTICLE_ES.slug}/comments?locale=es`).expect(200);
    expect(spanish.body.data.map((comment: { documentId: string }) => comment.documentId)).toContain(posted.body.data.documentId);
    const english = await get(`/api/articles/${SEED_ARTICLE.slug}/comments`).expect(200);
    expect(english.body.data.map((comment: { documentId: string }) => comment.documentId)).not.toContain(posted.body.data.documentId);
    const one = await get(`/api/comments/${posted.body.data.documentId}`).expect(200);
    expect(one.body.data.article).toMatchObject({ slug: ARTICLE_ES.slug, title: ARTICLE_ES.title, locale: 'es' });
    const inEnglish = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Sam', authorEmail: uniqueEmail('sam'), body: 'When does the next group start, please?' }).expect(201);
    expect(inEnglish.body.data.message).toBe('Thank you, your comment was received and is awaiting review.');
  });

  it('name a locale the slug is not in as a 400 on article', async () => {
    const res = await postComment(app, { article: ARTICLE_ES.slug, locale: 'en', authorName: 'Sam', authorEmail: uniqueEmail('sam'), body: 'Which version is this?' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['article']);
  });
});

it('lists every version in the sitemap with its translations as alternates', async () => {
  const xml = (await get('/api/sitemap.xml').expect(200)).text;
  expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  const entry = xml.split('\n').find((line) => line.includes(`<loc>https://counseling.example/es/articles/${ARTICLE_ES.slug}</loc>`));
  expect(entry).toContain(`hreflang="en" href="https://counseling.example/articles/${SEED_ARTICLE.slug}"`);
  expect(entry).toContain(`hreflang="es" href="https://counseling.example/es/articles/${ARTICLE_ES.slug}"`);
});

describe('emails to readers', () => {
  it('confirm an address, and send a data link, in the language the reader commented in', async () => {
    const email = uniqueEmail('ana');
    await postComment(app, { article: ARTICLE_ES.slug, authorName: 'Ana', authorEmail: email, body: 'Me gustaría saber más sobre el grupo de los martes.' }).expect(201);
    const confirmation = await smtp.waitFor((message) => message.to.includes(email));
    expect(confirmation?.text).toContain('Confirma que esta es tu');
    expect(confirmation?.text).not.toContain('Please confirm');
    const confirmed = await app.http().get(await linkIn(smtp, email, '/api/commenters/confirm')).expect(200);
    await app.http().post('/api/commenters/export').send({ commenterToken: confirmed.body.data.commenterToken }).expect(202);
    const exportMail = await smtp.waitFor((message) => message.to.includes(email) && message.text.includes('/api/commenters/export/download'));
    expect(exportMail?.text).toContain('Pediste una copia de los comentarios');

    const english = uniqueEmail('sam');
    await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Sam', authorEmail: english, body: 'I would like to know more about the Tuesday group.' }).expect(201);
    const inEnglish = await smtp.waitFor((message) => message.to.includes(english));
    expect(inEnglish?.text).toContain('Please confirm that this is your email address');
  });
});

it('takes an inquiry from the Spanish program page, answered in Spanish and filed under the program', async () => {
  const res = await app
    .http()
    .post('/api/group-programs/grupo-de-apoyo-en-el-duelo/inquiries')
    .send({ data: { name: 'Lucía', email: uniqueEmail('lucia'), preferredContact: 'email', consent: true } })
    .expect(201);
  expect(res.body.data.message).toBe('Gracias. Nuestra recepción se pondrá en contacto contigo pronto sobre este grupo.');
  const inquiry = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { name: 'Lucía' }, populate: { program: { select: ['documentId', 'locale'] } } });
  const english = await get('/api/group-programs/grief-support-group').expect(200);
  expect(inquiry.program).toMatchObject({ documentId: english.body.data.documentId, locale: 'es' });
  await app.http().post('/api/group-programs/grief-support-group/inquiries?locale=fr').send({ data: { name: 'Sam', email: uniqueEmail('sam'), consent: true } }).expect(400);
});
