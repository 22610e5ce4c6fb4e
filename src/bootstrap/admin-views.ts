import type { Core, UID } from '@strapi/strapi';
import type { ViewConfig } from './admin-view-types';
import { INQUIRY_ADMIN_VIEWS } from './admin-views-inquiries';
import { READER_ADMIN_VIEWS } from './admin-views-readers';
import { getService } from '../utils/services';

/**
 * Content Manager views as code: list columns, default sort, field labels and help text, applied at every start
 * on top of what Strapi generated, so every machine shows editors and moderators the same screens.
 */
export const ADMIN_VIEWS: Partial<Record<UID.ContentType | UID.Component, ViewConfig>> = {
  'api::article.article': {
    settings: { mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    list: ['title', 'topics', 'authorName', 'updatedAt'],
    edit: [
      [['title', 8], ['slug', 4]],
      [['excerpt', 12]],
      [['body', 12]],
      [['cover', 6], ['authorName', 6]],
      [['topics', 6], ['relatedPrograms', 6]],
      [['commentsEnabled', 4]],
      [['seo', 12]],
    ],
    fields: {
      title: { label: 'Title', description: 'As readers see it at the top of the article.' },
      slug: { label: 'Web address (slug)', description: 'Filled in from the title. Changing it breaks existing links.' },
      excerpt: { label: 'Excerpt', description: 'One or two sentences for article lists and link previews (500 characters at most).' },
      body: { label: 'Article text', description: 'Use headings (##) for sections.' },
      cover: { label: 'Cover image' },
      authorName: { label: 'Author', description: 'Shown under the title, e.g. "Maria Alvarez, LCSW".' },
      topics: { label: 'Topics', description: 'Readers of this article see programs on the same topics when no program is linked below.' },
      relatedPrograms: { label: 'Related group programs', description: 'Their next sessions appear under the article.' },
      commentsEnabled: { label: 'Allow reader comments' },
      seo: { label: 'Search and link previews' },
    },
  },
  'api::group-program.group-program': {
    settings: { mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    list: ['title', 'kind', 'scheduleSummary', 'enrollmentStatus', 'cancelled'],
    edit: [
      [['title', 8], ['slug', 4]],
      [['kind', 6], ['format', 6]],
      [['summary', 12]],
      [['description', 12]],
      [['image', 6]],
      [['topics', 6], ['facilitator', 6]],
      [['schedule', 12]],
      [['scheduleSummary', 12]],
      [['enrollmentStatus', 4], ['capacity', 4], ['seatsTaken', 4]],
      [['cost', 6], ['insuranceAccepted', 4]],
      [['location', 6], ['ageGroup', 6]],
      [['registrationUrl', 8], ['cancelled', 4]],
      [['meetingUrl', 8]],
    ],
    fields: {
      title: { label: 'Title', description: 'e.g. "Grief Support Group" or "Depression Therapy Group (8 weeks)".' },
      slug: { label: 'Web address (slug)', description: 'Filled in from the title.' },
      kind: { label: 'Kind of group', description: 'Support group: ongoing and facilitated. Group therapy: structured, time-limited, therapist-led.' },
      format: { label: 'Where it meets', description: 'In person, online, or both.' },
      summary: { label: 'Summary', description: 'One or two sentences for the programs list (300 characters at most).' },
      description: { label: 'Description' },
      image: { label: 'Image', description: 'Optional: shown with the program and in search results (at least 1200 pixels wide).' },
      topics: { label: 'Topics' },
      facilitator: { label: 'Facilitator' },
      schedule: { label: 'Schedule', description: 'When the group meets, in local time. Group therapy needs a number of sessions or an end date.' },
      scheduleSummary: { label: 'Schedule as readers see it', description: 'Written from the schedule when you save.', editable: false },
      enrollmentStatus: { label: 'Enrollment', description: 'Open, waitlist or closed.' },
      capacity: { label: 'Seats', description: 'How many people the group takes (leave empty if there is no limit).' },
      seatsTaken: { label: 'Seats taken' },
      cost: { label: 'Cost', description: 'e.g. "Free" or "$40 per session".' },
      insuranceAccepted: { label: 'Insurance accepted' },
      location: { label: 'Location', description: 'Room and address, or "Online (link sent after registration)".' },
      ageGroup: { label: 'Age group' },
      registrationUrl: { label: 'Registration link', description: 'Full address starting with https://' },
      meetingUrl: { label: 'Meeting link (private)', description: 'Sent to participants by the front office; never shown on the website. Full address starting with https://' },
      cancelled: { label: 'Cancelled', description: 'Hides the program from the upcoming-programs feed.' },
    },
  },
  'api::topic.topic': {
    settings: { mainField: 'name', defaultSortBy: 'name', defaultSortOrder: 'ASC' },
    list: ['name', 'slug', 'description'],
    fields: {
      name: { label: 'Name', description: 'e.g. Grief, Substance use, Depression.' },
      slug: { label: 'Web address (slug)', description: 'Filled in from the name; websites filter programs by it.' },
      description: { label: 'Description' },
    },
  },
  'program.schedule': {
    edit: [
      [['timezone', 6], ['firstSessionDate', 3], ['startTime', 3]],
      [['durationMinutes', 4], ['repeats', 4], ['interval', 4]],
      [['weeksOfMonth', 6], ['shortMonths', 6]],
      [['ends', 4], ['sessionCount', 4], ['endDate', 4]],
      [['skippedDates', 12]],
      [['sessionChanges', 12]],
    ],
    fields: {
      timezone: { label: 'Time zone', description: 'Where the group meets, e.g. America/New_York (type to jump in the list).' },
      firstSessionDate: { label: 'First session' },
      startTime: { label: 'Start time' },
      durationMinutes: { label: 'Session length (minutes)', description: 'Between 15 and 480.' },
      repeats: { label: 'Repeats', description: 'Once; weekly; monthly on set weekdays (e.g. 1st and 3rd Tuesday); monthly on a date.' },
      interval: { label: 'Every', description: '1 = every week (or month), 2 = every other week...' },
      weeksOfMonth: { label: 'Which weeks of the month', description: 'For "monthly by weekday": the weekday is that of the first session.' },
      shortMonths: {
        label: 'In months without that day',
        description: 'For "monthly on a date" on the 29th, 30th or 31st: skip those months, or meet on their last day.',
      },
      ends: { label: 'Ends', description: 'Never (ongoing), after a number of sessions, or on a date.' },
      sessionCount: { label: 'Session count', description: 'For group therapy, e.g. 8.' },
      endDate: { label: 'Last session date' },
      skippedDates: { label: 'Skipped dates (holidays)' },
      sessionChanges: { label: 'Session changes', description: 'One session cancelled (with a reason readers see), moved, or an extra session.' },
    },
  },
  'program.session-change': {
    edit: [
      [['kind', 4], ['date', 4], ['newDate', 4]],
      [['startTime', 4], ['durationMinutes', 4], ['location', 4]],
      [['reason', 12]],
    ],
    fields: {
      kind: { label: 'Change', description: 'Cancel this session, move it, or add an extra session.' },
      date: { label: 'Session date', description: 'The session concerned (for an extra: its date).' },
      newDate: { label: 'New date', description: 'For a move to another day; empty keeps the day.' },
      startTime: { label: 'New start time', description: 'Empty keeps the usual time.' },
      durationMinutes: { label: 'Length (minutes)', description: 'Empty keeps the usual length.' },
      location: { label: 'Place', description: 'Empty keeps the usual place.' },
      reason: { label: 'Reason shown to readers', description: 'Required for a cancel, e.g. "The facilitator is ill".' },
    },
  },
  'program.facilitator': {
    fields: {
      name: { label: 'Name' },
      credentials: { label: 'Credentials', description: 'e.g. LCSW, PsyD.' },
    },
  },
  'shared.seo': {
    fields: {
      metaTitle: { label: 'Title in search results', description: '70 characters at most.' },
      metaDescription: { label: 'Description in search results', description: '160 characters at most.' },
    },
  },
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
      spamScore: { label: 'Spam score (learned filter)', description: '0 to 1. It learns from your decisions: mark spam as Spam, real readers as Approved or Rejected.', editable: false },
      spamWords: { label: 'Words behind the spam score', description: 'Positive weights pushed towards spam, negative away from it.', editable: false },
      trainedAs: { label: 'Learned as', description: 'What the spam filter learned from the last decision on this comment.', editable: false },
      moderationNote: { label: 'Moderation note', description: 'Private: why you decided as you did. Never shown publicly.' },
      moderatedAt: { label: 'Moderated at', editable: false },
      moderatedBy: { label: 'Moderated by', editable: false },
      ipHash: { label: 'IP hash', editable: false },
      authorIp: { label: 'IP address (kept only for Akismet feedback)', editable: false },
      userAgent: { label: 'Browser', editable: false },
      contentHash: { label: 'Content hash', editable: false },
      createdAt: { label: 'Received' },
      notifyReplies: { label: 'Email the author about replies', editable: false },
      replyNotifiedAt: { label: 'Author of the parent told about this reply at', editable: false },
      reportedAt: { label: 'Reported by readers at', description: 'Open reports: your decision on the comment resolves them.', editable: false },
      reports: { label: "Readers' reports", editable: false },
    },
  },
  ...READER_ADMIN_VIEWS,
  ...INQUIRY_ADMIN_VIEWS,
};

type StoredConfiguration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
};

export const configureAdminViews = async (strapi: Core.Strapi, views = ADMIN_VIEWS) => {
  for (const [uid, view] of Object.entries(views) as Array<[string, ViewConfig]>) {
    const isComponent = !uid.includes('::');
    const service = getService(strapi, isComponent ? 'plugin::content-manager.components' : 'plugin::content-manager.content-types');
    const schema = isComponent ? strapi.components[uid as UID.Component] : strapi.contentType(uid as UID.ContentType);
    const current = (await service.findConfiguration(schema)) as StoredConfiguration;
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
    const edit = view.edit?.map((row) => row.filter(([field]) => metadatas[field]).map(([name, size]) => ({ name, size })));
    await service.updateConfiguration(schema, {
      settings: { ...current.settings, ...view.settings },
      metadatas,
      layouts: { ...current.layouts, ...(view.list ? { list: view.list } : {}), ...(edit ? { edit } : {}) },
    });
  }
};
