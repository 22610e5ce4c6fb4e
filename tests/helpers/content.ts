import type { Modules, UID } from '@strapi/strapi';
import type { TestApp } from './strapi';

/** A weekly support group, valid for the schedule rules, as an editor would fill it in. */
export const programData = (title: string) => ({
  title,
  kind: 'support-group' as const,
  summary: `${title}: a weekly group.`,
  format: 'in-person' as const,
  enrollmentStatus: 'open' as const,
  cancelled: false,
  schedule: {
    timezone: 'America/New_York',
    firstSessionDate: '2027-01-05',
    startTime: '18:00:00.000',
    durationMinutes: 90,
    repeats: 'weekly' as const,
    interval: 1,
    ends: 'never' as const,
  },
});

/** An article, published unless `draft`. */
export const createArticle = (app: TestApp, title: string, { draft = false } = {}) =>
  app.strapi.documents('api::article.article').create({
    data: partialInput<'api::article.article'>({ title, body: `${title}: the body.` }),
    ...(draft ? {} : { status: 'published' as const }),
  });

/** A group program, published unless `draft`. */
export const createProgram = (app: TestApp, title: string, { draft = false } = {}) =>
  app.strapi.documents('api::group-program.group-program').create({
    data: programData(title) as never,
    ...(draft ? {} : { status: 'published' as const }),
  });

/**
 * Document data as tests write it: fields the server fills (the slug middleware's `slug`, the schema's defaults)
 * are left out, which Strapi's input type does not know.
 */
export const partialInput = <T extends UID.ContentType>(data: Partial<Modules.Documents.Params.Data.Input<T>>) => data as Modules.Documents.Params.Data.Input<T>;
