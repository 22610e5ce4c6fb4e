/** What the plugin's admin routes answer (see server/src/controllers/inbox.ts). */
export const TABS = ['urgent', 'pending', 'reported', 'spam', 'rejected', 'approved'] as const;
export type Tab = (typeof TABS)[number];
export type Status = 'approved' | 'rejected' | 'spam' | 'pending';
export type Counts = Record<Tab, number>;

export interface QueueEvent {
  action: 'status' | 'undo' | 'reply' | 'resources-email';
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

export interface QueueItem {
  documentId: string;
  body: string;
  authorName: string;
  authorApprovedComments: number;
  moderationStatus: Status;
  priority: 'normal' | 'urgent';
  byPractice: boolean;
  flags: Array<{ flag: string; description: string }>;
  highlights: string[];
  spamScore: number | null;
  spamWords: Array<{ word: string; weight: number }>;
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

export interface DecisionAnswer {
  data: { batchId: string; changed: Array<{ documentId: string; from: string; to: string }>; missing: string[] };
}

export interface SupportResource {
  name: string;
  description: string;
  phone?: string;
  sms?: string;
  url?: string;
}
export interface CrisisSupport {
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
