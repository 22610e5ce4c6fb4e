/** The panel's settings; config/plugins.ts sets them from the environment. */
const defaults = {
  /** Public holidays the panel warns about: ISO country code and, optionally, region (state, province). */
  holidays: { country: 'US', region: '' },
};

export type SchedulePanelPluginConfig = typeof defaults;

export default {
  default: defaults,
  validator() {},
};
