/** What POST /schedule-panel/preview answers: the server's own types (type-only, nothing of it is bundled). */
export type { Fix, PanelAnswer, PanelSession, Warning } from '#domain/schedule';

export const PROGRAM = 'api::group-program.group-program';
export const PERMISSIONS = {
  preview: [{ action: 'plugin::schedule-panel.preview', subject: null }],
  nextTerm: [{ action: 'plugin::schedule-panel.next-term', subject: null }],
};
