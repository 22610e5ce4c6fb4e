import { env } from '@strapi/utils';
import { defaultsDeep } from 'lodash/fp';
import pluginsConfig from '../../config/plugins';
import moderation from '../../src/plugins/moderation/server/src';
import schedulePanel from '../../src/plugins/schedule-panel/server/src';

/**
 * The local plugins' configuration is checked as Strapi checks it at start-up: the plugin's defaults merged with
 * config/plugins.ts (read from the environment), then the plugin's validator. Strapi stops with the error, prefixed
 * "Error regarding <plugin> config: ".
 */
const PLUGINS = { moderation, 'schedule-panel': schedulePanel } as const;

const startUp = (name: keyof typeof PLUGINS) => {
  const plugin = PLUGINS[name];
  const user = (pluginsConfig({ env }) as Record<string, { config?: object }>)[name]?.config ?? {};
  plugin.config.validator(defaultsDeep(plugin.config.default, user));
};

describe('local plugins refuse a wrong configuration at start-up, naming the key', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('accepts the defaults and the documented examples', () => {
    expect(() => startUp('moderation')).not.toThrow();
    expect(() => startUp('schedule-panel')).not.toThrow();
    Object.assign(process.env, {
      ARTICLE_URL_TEMPLATE: 'https://riverside.example/read/{slug}',
      ORGANIZER_NAME: 'Riverside Counseling',
      PRACTICE_REPLY_EMAIL: 'care@riverside.example',
      MODERATION_UNDO_SECONDS: '0',
      HOLIDAYS_COUNTRY: 'ca',
      HOLIDAYS_REGION: 'on',
    });
    expect(() => startUp('moderation')).not.toThrow();
    expect(() => startUp('schedule-panel')).not.toThrow();
  });

  it('moderation: an undo window that is not a whole number of seconds', () => {
    process.env.MODERATION_UNDO_SECONDS = 'ten';
    expect(() => startUp('moderation')).toThrow('undoSeconds must be a whole number of seconds from 0 to 3600 (MODERATION_UNDO_SECONDS), got NaN');
    process.env.MODERATION_UNDO_SECONDS = '-5';
    expect(() => startUp('moderation')).toThrow('undoSeconds must be a whole number of seconds from 0 to 3600 (MODERATION_UNDO_SECONDS), got -5');
  });

  it('moderation: every wrong key at once, in one message', () => {
    Object.assign(process.env, { ARTICLE_URL_TEMPLATE: 'https://counseling.example/articles/', PRACTICE_REPLY_EMAIL: 'team at counseling', ORGANIZER_NAME: ' ' });
    let message = '';
    try {
      startUp('moderation');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('; ')).toEqual([
      'articleUrlTemplate must contain {slug}, where the article\'s slug goes (ARTICLE_URL_TEMPLATE), got "https://counseling.example/articles/"',
      'practiceName must not be empty (ORGANIZER_NAME), got ""',
      'practiceEmail must be an email address (PRACTICE_REPLY_EMAIL), got "team at counseling"',
    ]);
  });

  it('moderation: a misspelt setting is named, not ignored', () => {
    expect(() => moderation.config.validator({ ...moderation.config.default, undoSecond: 30 })).toThrow('undoSecond is not a setting of this plugin');
  });

  it('schedule-panel: a country or region date-holidays does not know (it would silently give no holiday warnings)', () => {
    process.env.HOLIDAYS_COUNTRY = 'UK';
    expect(() => startUp('schedule-panel')).toThrow('holidays.country must be a country code date-holidays knows (HOLIDAYS_COUNTRY), e.g. US, CA, GB, DE, got "UK"');
    process.env.HOLIDAYS_COUNTRY = 'GB';
    process.env.HOLIDAYS_REGION = 'London';
    expect(() => startUp('schedule-panel')).toThrow('holidays.region must be empty or a region of GB (HOLIDAYS_REGION): ALD, ENG, NIR, SCT, WLS, got "London"');
  });
});
