import type { UID } from '@strapi/strapi';

/**
 * What each admin-panel role may do: the one table, applied at every start by src/bootstrap/ensure-admin-roles.ts.
 * Every permission a role below holds and this table does not name is removed (and logged), so a grant made by hand
 * in Settings → Roles lasts until the next start. Super Admin has everything; Strapi itself keeps it so.
 *
 * Readers' data (addresses, IP hashes, confirmation nonces, data requests, who sent a report) is out of every
 * role's reach but the Moderator's addresses and IP hashes on comments and blocks, which blocking needs.
 * Commenters and data requests: Super Admin only. Inquiries ("Ask about this group"): the Front office only, which
 * also reads programs (never changes them) for the private meeting link it sends to participants.
 *
 * A new role is one more entry: its code, name, description, content types and actions.
 */

/** Fields of a Content Manager action: every field of the type, every field but some, or exactly these. */
export type FieldList = 'all' | { except: readonly string[] } | readonly string[];

export interface ContentTypeGrant {
  read?: FieldList;
  create?: FieldList;
  update?: FieldList;
  delete?: true;
  /** Types with draft and publish only. */
  publish?: true;
  /** Conditions on every action above, e.g. `admin::is-creator`: only what this admin user created. */
  conditions?: readonly string[];
}

/** An admin action outside the Content Manager (plugins, media library), with its conditions if any. */
export type AdminAction = string | { action: string; conditions: readonly string[] };

export interface AdminRoleGrants {
  name: string;
  description: string;
  /** Content Manager actions per content type; a type not named here is out of reach. */
  contentTypes: Partial<Record<UID.ContentType, ContentTypeGrant>>;
  actions: readonly AdminAction[];
}

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

const ARTICLE = 'api::article.article';
const PROGRAM = 'api::group-program.group-program';
const TOPIC = 'api::topic.topic';
const COMMENT = 'api::comment.comment';
const REPORT = 'api::comment-report.comment-report';
const BLOCK = 'api::commenter-block.commenter-block';
const INQUIRY = 'api::inquiry.inquiry';

/** An article's comments are readers' data: its editors neither see nor move them through the article. */
const ARTICLE_FIELDS = { except: ['comments'] } as const;
/** Who asked about a program is the front office's: editors neither see nor move inquiries through the program. */
const PROGRAM_FIELDS = { except: ['inquiries'] } as const;
/** What the front office reads of a program to answer inquiries and send the meeting link: not its relations to
 * types it cannot open (topics, articles, the media library). */
const FRONT_OFFICE_PROGRAM_FIELDS = { except: ['image', 'topics', 'articles'] } as const;
const EVERYTHING = { read: 'all', create: 'all', update: 'all', delete: true, publish: true } as const;

const MEDIA_LIBRARY = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
] as const;

/** Comment fields a moderator reads: the reader's address and IP hash included, to block them. */
const MODERATOR_COMMENT_FIELDS = [
  'article', 'parent', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'priority', 'flags', 'flagSummary',
  'moderationNote', 'moderatedAt', 'moderatedBy', 'escalatedAt', 'ipHash', 'userAgent', 'contentHash', 'spamScore',
  'spamWords', 'trainedAs', 'byPractice', 'reportedAt', 'reports',
] as const;
const BLOCK_FIELDS = ['email', 'ipHash', 'until', 'reason', 'rejectPending'] as const;

export const ADMIN_ROLES: Record<string, AdminRoleGrants> = {
  'strapi-editor': {
    name: 'Editor',
    description: 'Writes and publishes articles, group programs and topics; manages the media library.',
    contentTypes: {
      [ARTICLE]: { ...EVERYTHING, read: ARTICLE_FIELDS, create: ARTICLE_FIELDS, update: ARTICLE_FIELDS },
      [PROGRAM]: { ...EVERYTHING, read: PROGRAM_FIELDS, create: PROGRAM_FIELDS, update: PROGRAM_FIELDS },
      [TOPIC]: EVERYTHING,
    },
    actions: [...MEDIA_LIBRARY, 'plugin::schedule-panel.preview', 'plugin::schedule-panel.next-term'],
  },

  'strapi-author': {
    name: 'Author',
    description: 'Writes drafts of articles (their own only); an Editor publishes them.',
    contentTypes: {
      // No delete: deleting a document takes its published version down too, which is an Editor's call.
      [ARTICLE]: { read: ARTICLE_FIELDS, create: ARTICLE_FIELDS, update: ARTICLE_FIELDS, conditions: ['admin::is-creator'] },
    },
    actions: [
      { action: 'plugin::upload.read', conditions: ['admin::is-creator'] },
      'plugin::upload.configure-view',
      'plugin::upload.assets.create',
      { action: 'plugin::upload.assets.update', conditions: ['admin::is-creator'] },
      'plugin::upload.assets.download',
      'plugin::upload.assets.copy-link',
    ],
  },

  'strapi-moderator': {
    name: 'Moderator',
    description: 'Reviews reader comments: reads comments and reports, changes only their status and moderation note, blocks abusers.',
    contentTypes: {
      [COMMENT]: { read: MODERATOR_COMMENT_FIELDS, update: ['moderationStatus', 'moderationNote'] },
      // Reports without who sent them (readerKey, dedupeKey, connectionKey).
      [REPORT]: { read: ['comment', 'reason', 'text', 'resolvedAt'] },
      [BLOCK]: { read: [...BLOCK_FIELDS, 'pendingRejected'], create: BLOCK_FIELDS, update: BLOCK_FIELDS, delete: true },
    },
    actions: ['plugin::moderation.read', 'plugin::moderation.moderate', 'plugin::moderation.reply'],
  },

  'strapi-front-office': {
    name: 'Front office',
    description: 'Answers "Ask about this group" inquiries and keeps the waiting lists: reads inquiries and marks them handled; reads programs and their meeting links.',
    contentTypes: {
      // handledAt is set by the server when `handling` changes (src/document-middlewares/inquiries.ts).
      [INQUIRY]: { read: 'all', update: ['handling'] },
      [PROGRAM]: { read: FRONT_OFFICE_PROGRAM_FIELDS },
    },
    actions: [],
  },
};
