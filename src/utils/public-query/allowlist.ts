/**
 * What websites may ask of each public route: the filters (with their operators), sort keys, fields, populate,
 * pagination and the computed parts an answer carries on request (`include`). One table, enforced in one place (`src/middlewares/public-query.ts`); anything else is a 400
 * naming the parameter.
 */
import type { UID } from '@strapi/strapi';

export type Operator = string;
/** A field's allowed operators, or a relation/component's own filter spec. */
export interface FilterSpec {
  [field: string]: readonly Operator[] | FilterSpec;
}
export interface PopulateSpec {
  [relation: string]: { fields?: readonly string[]; populate?: PopulateSpec } | true;
}

export interface QuerySpec {
  uid: UID.ContentType;
  filters: FilterSpec;
  sort: readonly string[];
  fields: readonly string[];
  populate: PopulateSpec;
  pagination: boolean;
  /** Computed parts a list carries only when asked (`include=jsonLd,calendarLinks`); a single document has them all. */
  include?: readonly string[];
}

const TEXT = ['$eq', '$eqi', '$ne', '$nei', '$in', '$notIn', '$contains', '$containsi', '$notContains', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$null', '$notNull'] as const;
const ID = ['$eq', '$ne', '$in', '$notIn'] as const;
const ORDERED = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull'] as const;
const CHOICE = ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull'] as const;
const DATES = { publishedAt: ORDERED, createdAt: ORDERED, updatedAt: ORDERED } as const;

const TOPIC_REF = { documentId: ID, slug: TEXT, name: TEXT } as const;
const ARTICLE_REF = { documentId: ID, slug: TEXT, title: TEXT } as const;
const PROGRAM_REF = { documentId: ID, slug: TEXT, title: TEXT, kind: CHOICE, format: CHOICE } as const;

const ARTICLE_FIELDS = ['documentId', 'title', 'slug', 'excerpt', 'body', 'authorName', 'commentsEnabled', 'publishedAt', 'createdAt', 'updatedAt'];
const PROGRAM_FIELDS = [
  'documentId', 'title', 'slug', 'kind', 'summary', 'description', 'format', 'location', 'capacity', 'seatsTaken', 'enrollmentStatus',
  'cost', 'insuranceAccepted', 'ageGroup', 'registrationUrl', 'cancelled', 'scheduleSummary', 'publishedAt', 'createdAt', 'updatedAt',
];
const TOPIC_FIELDS = ['documentId', 'name', 'slug', 'description', 'createdAt', 'updatedAt'];

export const ARTICLE: QuerySpec = {
  uid: 'api::article.article',
  filters: { ...ARTICLE_REF, authorName: TEXT, commentsEnabled: CHOICE, ...DATES, topics: TOPIC_REF, relatedPrograms: PROGRAM_REF },
  sort: ['title', 'slug', 'publishedAt', 'createdAt', 'updatedAt'],
  fields: ARTICLE_FIELDS,
  populate: {
    topics: { fields: TOPIC_FIELDS },
    cover: true,
    seo: true,
    relatedPrograms: { fields: PROGRAM_FIELDS },
  },
  pagination: true,
};

export const GROUP_PROGRAM: QuerySpec = {
  uid: 'api::group-program.group-program',
  filters: {
    ...PROGRAM_REF,
    enrollmentStatus: CHOICE,
    ageGroup: CHOICE,
    insuranceAccepted: CHOICE,
    cancelled: CHOICE,
    ...DATES,
    topics: TOPIC_REF,
    articles: ARTICLE_REF,
  },
  sort: ['title', 'slug', 'kind', 'publishedAt', 'createdAt', 'updatedAt'],
  fields: PROGRAM_FIELDS,
  populate: {
    topics: { fields: TOPIC_FIELDS },
    articles: { fields: ARTICLE_FIELDS },
    facilitator: true,
    schedule: { populate: { skippedDates: true, sessionChanges: true } },
  },
  pagination: true,
  include: ['jsonLd', 'calendarLinks'],
};

export const TOPIC: QuerySpec = {
  uid: 'api::topic.topic',
  filters: { ...TOPIC_REF, createdAt: ORDERED, updatedAt: ORDERED, articles: ARTICLE_REF, groupPrograms: PROGRAM_REF },
  sort: ['name', 'slug', 'createdAt', 'updatedAt'],
  fields: TOPIC_FIELDS,
  populate: { articles: { fields: ARTICLE_FIELDS }, groupPrograms: { fields: PROGRAM_FIELDS } },
  pagination: true,
};

/** Approved comments: which article, and when. Never a parent, a status or a private field. */
export const COMMENT: QuerySpec = {
  uid: 'api::comment.comment',
  filters: { createdAt: ORDERED, article: { documentId: ID, slug: TEXT } },
  sort: ['createdAt'],
  fields: [],
  populate: {},
  pagination: true,
};

/** One document: fields and populate only. */
export const single = (spec: QuerySpec): QuerySpec => ({ ...spec, filters: {}, sort: [], pagination: false });

/** Public GET routes → their spec (the feed, calendars and threads validate their own parameters); case-insensitive like Strapi's router. */
export const PUBLIC_ROUTES: Array<{ pattern: RegExp; spec: QuerySpec; allowed?: readonly string[] }> = [
  { pattern: /^\/api\/articles\/?$/i, spec: ARTICLE },
  { pattern: /^\/api\/articles\/[^/]+\/?$/i, spec: single(ARTICLE) },
  { pattern: /^\/api\/group-programs\/?$/i, spec: GROUP_PROGRAM },
  { pattern: /^\/api\/group-programs\/(?!upcoming(?:\.ics)?\/?$)[^/]+\/?$/i, spec: single(GROUP_PROGRAM) },
  { pattern: /^\/api\/topics\/?$/i, spec: TOPIC },
  { pattern: /^\/api\/topics\/[^/]+\/?$/i, spec: single(TOPIC) },
  { pattern: /^\/api\/comments\/?$/i, spec: COMMENT },
  { pattern: /^\/api\/comments\/(?!moderation-queue\/?$)[^/]+\/?$/i, spec: single(COMMENT) },
];
