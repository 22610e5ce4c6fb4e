/** The plugin's admin permissions; every admin route of the plugin requires one of them. */
export const ACTIONS = {
  read: 'plugin::moderation.read',
  moderate: 'plugin::moderation.moderate',
  reply: 'plugin::moderation.reply',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'read', displayName: 'Read the moderation queue' },
  { uid: 'moderate', displayName: 'Approve, reject or mark comments as spam' },
  { uid: 'reply', displayName: 'Reply as the practice and send resources' },
].map((action) => ({ ...action, section: 'plugins' as const, pluginName: 'moderation' }));
