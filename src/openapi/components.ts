import type { Core } from '@strapi/strapi';
import { REPORT_REASONS } from '../api/comment-report/services/comment-report';
import { documentSchema, schemaName } from './content-types';
import { ERROR_SCHEMA, PAGINATION_SCHEMA, ref } from './schemas';
import type { JsonSchema } from './types';

/** Named schemas: the content types (derived from their schema.json) and the shapes of the custom answers. */
const CONTENT = ['api::article.article', 'api::group-program.group-program', 'api::topic.topic'];
const PARTS = ['shared.seo', 'program.facilitator', 'program.schedule', 'program.skipped-date', 'program.session-change', 'plugin::upload.file'];

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const session = {
  type: 'object',
  required: ['start', 'end', 'status'],
  properties: {
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['scheduled', 'cancelled', 'moved'], description: 'A cancelled session is listed at its original time.' },
    previousStart: { type: 'string', format: 'date-time', description: "A moved session's original start." },
    extra: { type: 'boolean', description: 'A session added to the series.' },
    reason: { type: 'string', description: 'Why it was cancelled or moved, for readers.' },
    location: { type: 'string', description: 'Where a moved or extra session meets, when not where the program does.' },
  },
};

const FEED_ITEM_FIELDS = ['documentId', 'slug', 'title', 'kind', 'summary', 'topics', 'format', 'enrollment', 'schedule', 'nextSession', 'upcomingSessions', 'url'];
const FEED_ITEM: JsonSchema = {
  type: 'object',
  description:
    'A program in the feed. By default every property but jsonLd; with fields= only the fields picked; jsonLd only with include=jsonLd.',
  properties: {
    documentId: text,
    slug: text,
    title: text,
    kind: { enum: ['support-group', 'group-therapy'] },
    summary: text,
    topics: { type: 'array', items: { type: 'object', required: ['name', 'slug'], properties: { name: text, slug: text } } },
    format: { enum: ['in-person', 'online', 'hybrid'] },
    location: nullableText,
    ageGroup: nullableText,
    facilitator: { anyOf: [{ type: 'null' }, { type: 'object', required: ['name'], properties: { name: text, credentials: nullableText } }] },
    enrollment: {
      type: 'object',
      required: ['status', 'seatsLeft', 'insuranceAccepted'],
      properties: { status: { enum: ['open', 'waitlist', 'closed'] }, seatsLeft: { type: ['integer', 'null'] }, cost: nullableText, insuranceAccepted: { type: 'boolean' }, registrationUrl: nullableText },
    },
    schedule: { type: 'object', required: ['timezone', 'rrule', 'exdates', 'summary'], properties: { timezone: text, rrule: text, exdates: { type: 'array', items: text }, summary: text } },
    nextSession: session,
    upcomingSessions: { type: 'array', items: session },
    sessionsRemaining: { type: ['integer', 'null'] },
    url: { type: 'string', format: 'uri' },
    addToCalendar: {
      type: 'object',
      description: "Google Calendar and Outlook links for the next session and for each listed session (by start, cancelled ones left out); the program's .ics and webcal: address (null without PUBLIC_URL).",
      required: ['ics', 'webcal'],
      properties: {
        ics: nullableText,
        webcal: nullableText,
        google: text,
        outlook: text,
        sessions: { type: 'array', items: { type: 'object', required: ['start', 'google', 'outlook'], properties: { start: text, google: text, outlook: text } } },
      },
    },
    jsonLd: {
      type: 'object',
      description:
        "schema.org JSON-LD: the EventSeries first, then an Event for each listed session. eventAttendanceMode and location follow the program's format: in-person a Place, online a VirtualLocation, hybrid both; the VirtualLocation's url is the program's page, never the private meeting link.",
      required: ['@context', '@graph'],
      properties: {
        '@context': { const: 'https://schema.org' },
        '@graph': {
          type: 'array',
          minItems: 1,
          prefixItems: [{ type: 'object', required: ['@type', '@id'], properties: { '@type': { const: 'EventSeries' }, '@id': text } }],
          items: { type: 'object', required: ['@type', '@id'], properties: { '@type': { const: 'Event' }, '@id': text } },
        },
      },
    },
  },
};

const dateTime = { type: 'string', format: 'date-time' };
/** GET /api/commenters/export/download: everything kept under a reader's address (src/api/data-request/services/reader-data.ts). */
const READER_DATA_EXPORT: JsonSchema = {
  type: 'object',
  description: "A reader's own data: their comments (every status, as stored), the reports they sent and their inquiries about group programs.",
  required: ['email', 'exportedAt', 'confirmedAt', 'comments', 'reports', 'inquiries'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', format: 'email' },
    exportedAt: dateTime,
    confirmedAt: { anyOf: [dateTime, { type: 'null' }], description: 'When the address was confirmed.' },
    comments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['documentId', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'notifyReplies', 'createdAt', 'updatedAt', 'article', 'replyTo'],
        additionalProperties: false,
        properties: {
          documentId: text,
          authorName: text,
          authorEmail: text,
          body: text,
          moderationStatus: { enum: ['pending', 'approved', 'rejected', 'spam'] },
          notifyReplies: { type: ['boolean', 'null'] },
          createdAt: dateTime,
          updatedAt: dateTime,
          article: { anyOf: [{ type: 'null' }, { type: 'object', required: ['documentId', 'title', 'slug'], additionalProperties: false, properties: { documentId: text, title: text, slug: text } }] },
          replyTo: { ...nullableText, description: 'The documentId of the comment this one answers.' },
        },
      },
    },
    reports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'text', 'createdAt', 'comment'],
        additionalProperties: false,
        properties: { reason: { enum: [...REPORT_REASONS] }, text: nullableText, createdAt: dateTime, comment: { ...nullableText, description: 'The documentId of the reported comment.' } },
      },
    },
    inquiries: {
      type: 'array',
      description: '"Ask about this group" inquiries sent from the address.',
      items: {
        type: 'object',
        required: ['documentId', 'name', 'email', 'phone', 'preferredContact', 'message', 'consentVersion', 'handling', 'handledAt', 'waitingList', 'createdAt', 'program'],
        additionalProperties: false,
        properties: {
          documentId: text,
          name: text,
          email: text,
          phone: nullableText,
          preferredContact: { enum: ['email', 'phone'] },
          message: nullableText,
          consentVersion: { type: 'string', description: 'The version of the consent sentence they agreed to (data/inquiries/consent.yaml).' },
          handling: { enum: ['new', 'handled'] },
          handledAt: { anyOf: [dateTime, { type: 'null' }] },
          waitingList: { type: 'boolean' },
          createdAt: dateTime,
          program: { anyOf: [{ type: 'null' }, { type: 'object', required: ['documentId', 'title', 'slug'], additionalProperties: false, properties: { documentId: text, title: text, slug: text } }] },
        },
      },
    },
  },
};

const resource = {
  type: 'object',
  required: ['name'],
  properties: {
    name: text,
    description: text,
    phone: text,
    sms: text,
    smsBody: { type: 'string', description: 'The word to text to `sms` (e.g. HOME, AYUDA).' },
    url: text,
    source: { type: 'string', description: 'The official page the wording and number were taken from.' },
  },
};

export const componentSchemas = (strapi: Core.Strapi): Record<string, JsonSchema> => ({
  Error: ERROR_SCHEMA,
  Pagination: PAGINATION_SCHEMA,
  ...Object.fromEntries(CONTENT.map((uid) => [schemaName(uid), documentSchema(strapi, uid, uid === 'api::article.article' ? { upcomingPrograms: { type: 'array', items: ref('UpcomingProgram') } } : {})])),
  ...Object.fromEntries(PARTS.map((uid) => [schemaName(uid), documentSchema(strapi, uid)])),
  FeedItem: FEED_ITEM,
  UpcomingProgram: { ...FEED_ITEM, required: FEED_ITEM_FIELDS, description: 'A feed item without jsonLd.' },
  PublicComment: {
    type: 'object',
    required: ['documentId', 'authorName', 'body', 'createdAt'],
    additionalProperties: false,
    properties: {
      documentId: text,
      authorName: text,
      body: text,
      createdAt: { type: 'string', format: 'date-time' },
      article: {
        anyOf: [
          { type: 'null' },
          { type: 'object', required: ['documentId', 'title', 'slug'], properties: { documentId: text, title: text, slug: text, locale: { type: ['string', 'null'], description: 'The version (locale) the comment was written under.' } } },
        ],
      },
    },
  },
  ThreadComment: {
    type: 'object',
    required: ['documentId', 'authorName', 'body', 'byPractice', 'createdAt', 'replies'],
    additionalProperties: false,
    properties: { documentId: text, authorName: text, body: text, byPractice: { type: 'boolean' }, createdAt: { type: 'string', format: 'date-time' }, replies: { type: 'array', items: ref('ThreadComment') } },
  },
  QueuedComment: {
    type: 'object',
    description: 'A comment as moderators see it, private fields included.',
    required: ['documentId', 'authorName', 'body', 'moderationStatus'],
    properties: {
      documentId: text,
      authorName: text,
      authorEmail: text,
      body: text,
      moderationStatus: { enum: ['pending', 'approved', 'rejected', 'spam'] },
      priority: { enum: ['normal', 'urgent'] },
      flags: { type: ['array', 'null'], items: text },
      moderationNote: nullableText,
      article: { anyOf: [{ type: 'null' }, { type: 'object', properties: { documentId: text, title: text, slug: text } }] },
      reportedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], description: 'The first open report by a reader (queue only).' },
      reports: { anyOf: [{ type: 'null' }, ref('ReportSummary')], description: "Readers' open reports (queue only; null when none)." },
    },
  },
  ReportSummary: {
    type: 'object',
    description: "A comment's open reports as moderators see them: reasons, counts and texts, never who sent them.",
    required: ['total', 'reasons', 'reports', 'firstReportedAt', 'lastReportedAt'],
    additionalProperties: false,
    properties: {
      total: { type: 'integer', minimum: 1 },
      reasons: { type: 'object', propertyNames: { enum: [...REPORT_REASONS] }, additionalProperties: { type: 'integer', minimum: 1 } },
      reports: {
        type: 'array',
        items: { type: 'object', required: ['reason', 'text', 'createdAt'], additionalProperties: false, properties: { reason: { enum: [...REPORT_REASONS] }, text: nullableText, createdAt: dateTime } },
      },
      firstReportedAt: dateTime,
      lastReportedAt: dateTime,
    },
  },
  CrisisSupport: {
    type: 'object',
    description: "Shown to a reader whose comment holds crisis language (Safe Messaging Guidelines), in the comment's language (English when there is no support file for it) with the practice country's resources.",
    required: ['language', 'message', 'resources', 'emergency'],
    properties: { language: { type: 'string', description: 'ISO 639-1 code of the message.' }, message: text, resources: { type: 'array', items: resource }, emergency: resource },
  },
  ReaderDataExport: READER_DATA_EXPORT,
});
