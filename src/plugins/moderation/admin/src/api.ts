/** What the plugin's admin routes answer (see server/src/controllers/inbox.ts). */
export const TABS = ['urgent', 'pending', 'unreviewed', 'reported', 'spam', 'rejected', 'approved'] as const;
export type Tab = (typeof TABS)[number];
export type Status = 'approved' | 'rejected' | 'spam' | 'pending';
export type Counts = Record<Tab, number>;

/** The comments a moderator still has to look at: what the menu badge counts. */
export const waitingCount = (counts: Counts) => counts.urgent + counts.pending + counts.unreviewed;

export interface QueueEvent {
  action: 'status' | 'undo' | 'reply' | 'resources-email' | 'review' | 'urgency';
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  detail: string | null;
  createdAt: string;
}

/** Readers' open reports about a comment (who sent them is never shown). */
export interface ReportSummary {
  total: number;
  reasons: Partial<Record<'spam' | 'harmful' | 'personal-details' | 'crisis' | 'other', number>>;
  reports: Array<{ reason: string; text: string | null; createdAt: string }>;
}

/** A flag in the server registry's words (src/domain/moderation/flags.ts). */
export interface Flag {
  flag: string;
  description: string;
  kind: 'crisis' | 'spam' | 'personal' | 'sensitive' | 'language' | 'review';
  severity: 'urgent' | 'spam' | 'hold';
}

/** A word behind a learned score, with its weight (positive: towards spam, or towards a crisis). */
export interface WeightedWord {
  word: string;
  weight: number;
}

export interface QueueItem {
  documentId: string;
  body: string;
  authorName: string;
  authorApprovedComments: number;
  moderationStatus: Status;
  priority: 'normal' | 'urgent';
  byPractice: boolean;
  flags: Flag[];
  highlights: string[];
  spamScore: number | null;
  spamWords: WeightedWord[];
  /** The learned crisis-risk model's score, 0–1 (null: not scored). */
  crisisRisk: number | null;
  crisisWords: WeightedWord[];
  /** ISO 639 code, or 'und' when it could not be told. */
  language: string | null;
  /** Approved by the rules and on the public page, and no person has read it yet. */
  publishedWithoutReview: boolean;
  createdAt: string;
  article: { documentId: string; title: string; url: string } | null;
  parent: { documentId: string; authorName: string; body: string; byPractice: boolean | null } | null;
  reports: ReportSummary | null;
  events: QueueEvent[];
}

export interface QueueAnswer {
  data: QueueItem[];
  meta: { tab: Tab; page: number; pageSize: number; counts: Counts; undoSeconds: number };
}

/** The answer of decisions, reviews ("seen"), urgency and undo. */
export interface DecisionAnswer {
  data: { batchId: string; changed: Array<{ documentId: string; from: string; to: string }>; missing: string[] };
}

/** Why the server held a reply as the practice (400, `error.details.warnings`). */
export interface ReplyWarning {
  kind: 'client-relationship' | 'personal-details';
  message: string;
  found: string[];
}

export interface SupportResource {
  name: string;
  description: string;
  phone?: string;
  sms?: string;
  url?: string;
}
export interface CrisisSupport {
  /** The language the support is written in (English when the comment's language has none). */
  language: string;
  message: string;
  resources: SupportResource[];
  emergency: SupportResource;
}

export const PERMISSIONS = {
  read: [{ action: 'plugin::moderation.read', subject: null }],
  moderate: [{ action: 'plugin::moderation.moderate', subject: null }],
  reply: [{ action: 'plugin::moderation.reply', subject: null }],
};

export const STATUS_LABELS: Record<Status, string> = { approved: 'Approve', rejected: 'Reject', spam: 'Spam', pending: 'Back to pending' };

/** "Back to pending" takes a published comment off the public page: said so where it is. */
export const pendingLabel = (from: Status | null) => (from === 'approved' ? 'Unpublish (back to pending)' : STATUS_LABELS.pending);

/** "Spanish" for 'es'; null when the language could not be told. */
export const languageName = (code: string | null): string | null => {
  if (!code || code === 'und') return null;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};
