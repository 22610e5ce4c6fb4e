import { env } from '@strapi/utils';
import moderationConfig from '../../config/moderation';

describe('config/moderation.ts', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has the documented defaults', () => {
    const config = moderationConfig({ env });
    expect(config).toMatchObject({ maxBodyLength: 5000, maxLinks: 2, flood: { minIntervalSeconds: 15, maxPerHour: 10 } });
    expect(config.notify.moderatorEmails).toEqual([]);
  });

  it('ignores empty entries, so an empty variable never blocks every comment', () => {
    process.env.COMMENT_BLOCKED_TERMS = '';
    process.env.COMMENT_SUSPECT_TERMS = 'acme, ,';
    const config = moderationConfig({ env });
    expect(config.blockedTerms).not.toContain('');
    expect(config.suspectTerms).toContain('acme');
    expect(config.suspectTerms).not.toContain('');
  });
});
