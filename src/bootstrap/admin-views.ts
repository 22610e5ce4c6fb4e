import type { Core, UID } from '@strapi/strapi';

/**
 * Content Manager views as code: list columns, default sort, field labels and help text, applied at every start
 * on top of what Strapi generated, so every machine shows editors and moderators the same screens.
 */
interface FieldMeta {
  label?: string;
  description?: string;
  placeholder?: string;
  editable?: boolean;
}

export interface ViewConfig {
  settings?: Record<string, unknown>;
  list?: string[];
  fields?: Record<string, FieldMeta>;
}

export const ADMIN_VIEWS: Partial<Record<UID.ContentType, ViewConfig>> = {
  'api::comment.comment': {
    settings: { mainField: 'authorName', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 20, filterable: true },
    list: ['moderationStatus', 'priority', 'authorName', 'article', 'flagSummary', 'createdAt'],
    fields: {
      moderationStatus: { label: 'Status', description: 'Approve to publish the comment under its article; spam and rejected comments are deleted after 30 days.' },
      priority: { label: 'Priority', description: 'Urgent: the comment may contain crisis language. Review it first.', editable: false },
      authorName: { label: 'Author' },
      authorEmail: { label: 'Author email (never shown publicly)' },
      article: { label: 'Article' },
      parent: { label: 'Reply to', description: 'Only an approved comment on the same article.' },
      body: { label: 'Comment', description: 'Stored as plain text; the moderation rules run again on every new comment.' },
      flags: { label: 'Flags (raised by the moderation rules)', editable: false },
      flagSummary: { label: 'Flags', editable: false },
      moderationNote: { label: 'Moderation note', description: 'Private: why you decided as you did. Never shown publicly.' },
      moderatedAt: { label: 'Moderated at', editable: false },
      moderatedBy: { label: 'Moderated by', editable: false },
      ipHash: { label: 'IP hash', editable: false },
      userAgent: { label: 'Browser', editable: false },
      contentHash: { label: 'Content hash', editable: false },
    },
  },
};

type StoredConfiguration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
};

export const configureAdminViews = async (strapi: Core.Strapi, views = ADMIN_VIEWS) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(views) as Array<[UID.ContentType, ViewConfig]>) {
    const contentType = strapi.contentType(uid);
    const current = (await contentTypes.findConfiguration(contentType)) as StoredConfiguration;
    const metadatas = { ...current.metadatas };
    for (const [field, meta] of Object.entries(view.fields ?? {})) {
      const existing = metadatas[field];
      if (!existing) continue;
      const { editable, ...text } = meta;
      metadatas[field] = {
        edit: { ...existing.edit, ...text, ...(editable === undefined ? {} : { editable }) },
        list: { ...existing.list, ...(meta.label ? { label: meta.label } : {}) },
      };
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: { ...current.settings, ...view.settings },
      metadatas,
      layouts: { ...current.layouts, ...(view.list ? { list: view.list } : {}) },
    });
  }
};
