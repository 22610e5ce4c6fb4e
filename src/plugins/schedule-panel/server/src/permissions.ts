/** The plugin's admin permissions, given to the Editor role at start-up (src/bootstrap/admin-roles.ts). */
export const ACTIONS = {
  preview: 'plugin::schedule-panel.preview',
  nextTerm: 'plugin::schedule-panel.next-term',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'preview', displayName: "Preview a group program's sessions while editing" },
  { uid: 'next-term', displayName: 'Schedule the next term of a therapy group' },
].map((action) => ({ ...action, section: 'plugins' as const, pluginName: 'schedule-panel' }));
