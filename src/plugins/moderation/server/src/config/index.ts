/** The inbox's settings; config/plugins.ts sets them from the environment. */
const defaults = {
  /** Where an article lives on the website: `{slug}` is replaced. */
  articleUrlTemplate: 'https://counseling.example/articles/{slug}',
  /** Who speaks in the practice's public replies and resources emails. */
  practiceName: 'Counseling Practice',
  practiceEmail: 'team@counseling.example',
  /** How long a moderator may take a decision back. */
  undoSeconds: 10,
};

export type ModerationPluginConfig = typeof defaults;

export default {
  default: defaults,
  validator() {},
};
