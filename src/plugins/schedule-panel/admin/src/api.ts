/** What POST /schedule-panel/preview answers (src/api/group-program/services/schedule/panel.ts). */
export type Fix =
  | { label: string; skippedDates: Array<{ date: string; reason: string }> }
  | { label: string; firstSessionDate: string }
  | { label: string; ends: 'after-sessions'; sessionCount: number };

export interface Warning {
  kind: 'holiday' | 'dst' | 'first-date' | 'no-end';
  message: string;
  dates?: Array<{ date: string; note: string }>;
  fix?: Fix;
}

export interface PanelAnswer {
  complete: boolean;
  summary: string | null;
  problems: Array<{ field: string; message: string }>;
  sessions: Array<{ date: string; weekday: string; time: string; start: string; heldAt?: string }>;
  remaining: number | null;
  lastSession: string | null;
  warnings: Warning[];
}

export const PROGRAM = 'api::group-program.group-program';
export const PERMISSIONS = {
  preview: [{ action: 'plugin::schedule-panel.preview', subject: null }],
  nextTerm: [{ action: 'plugin::schedule-panel.next-term', subject: null }],
};
