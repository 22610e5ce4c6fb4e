import { redactUrl } from '../../src/utils/redact-url';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJlLXBhcnQ';

describe('redactUrl', () => {
  it.each([
    [`/api/commenters/confirm?token=${jwt}`, '/api/commenters/confirm?token=[redacted]'],
    [`/api/commenters/export/download?token=${encodeURIComponent(jwt)}&x=1`, '/api/commenters/export/download?token=[redacted]&x=1'],
    ['/admin/registration-info?registrationToken=abc123', '/admin/registration-info?registrationToken=[redacted]'],
    ['/api/auth/email-confirmation?confirmation=abc123', '/api/auth/email-confirmation?confirmation=[redacted]'],
    ['/api/connect/google/callback?access_token=abc&code=xyz&state=s', '/api/connect/google/callback?access_token=[redacted]&code=[redacted]&state=s'],
    ['/api/preview?secret=s3cret&slug=a', '/api/preview?secret=[redacted]&slug=a'],
    ['/api/x?TOKEN=abc', '/api/x?TOKEN=[redacted]'],
    [`/api/x?link=${jwt}`, '/api/x?link=[redacted]'],
    [`/api/unsubscribe/${jwt}`, '/api/unsubscribe/[redacted]'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('leaves everything else as it came', () => {
    for (const url of ['/api/articles', '/api/articles/some-slug?populate=topics&filters[slug][$eq]=a', '/api/group-programs/upcoming?from=2027-01-01&to=2027-03-31', '/?', '/api/x?flag', '/api/x?bad=%E0%A4%A']) {
      expect(redactUrl(url)).toBe(url);
    }
  });
});
