import { consentSentence, isFull, parseConsent } from '#domain/inquiries';
import { inquiryCreateSchema } from '../../src/api/inquiry/validation';

describe('a program is full', () => {
  it.each([
    [{ capacity: 8, seatsTaken: 8, enrollmentStatus: 'open' }, true],
    [{ capacity: 8, seatsTaken: 9, enrollmentStatus: 'open' }, true],
    [{ capacity: 8, seatsTaken: 7, enrollmentStatus: 'open' }, false],
    [{ capacity: null, seatsTaken: 40, enrollmentStatus: 'open' }, false],
    [{ capacity: 8, seatsTaken: null, enrollmentStatus: 'open' }, false],
    [{ capacity: 8, seatsTaken: 0, enrollmentStatus: 'waitlist' }, true],
    [{ capacity: null, seatsTaken: 0, enrollmentStatus: 'closed' }, true],
  ])('%o: %s', (program, full) => {
    expect(isFull(program)).toBe(full);
  });
});

describe('the consent sentence', () => {
  it('is read from data/inquiries/consent.yaml, with a version', () => {
    expect(consentSentence()).toEqual({ version: expect.any(String), sentence: expect.stringMatching(/front office/) });
  });

  it('a malformed file names the file and the field', () => {
    expect(() => parseConsent('version: 1\nsentence: short\n', 'consent.yaml')).toThrow(/consent\.yaml: sentence/);
    expect(() => parseConsent('sentence: long enough to be a real consent sentence\nextra: 1\n', 'x.yaml')).toThrow(/x\.yaml/);
  });
});

describe('the inquiry input', () => {
  const schema = inquiryCreateSchema(1000, 'US');
  const base = { name: 'Sam', email: 'Sam@Example.com', consent: true };

  it('normalises the address and a local phone number to international form', () => {
    expect(schema.parse({ ...base, phone: '(415) 555-2671', preferredContact: 'phone' })).toMatchObject({ email: 'sam@example.com', phone: '+14155552671', preferredContact: 'phone' });
    expect(schema.parse({ ...base, phone: '+44 20 7946 0958' }).phone).toBe('+442079460958');
  });

  it('defaults the preferred contact to email, and phone needs a phone number', () => {
    expect(schema.parse(base)).toMatchObject({ preferredContact: 'email', phone: null });
    const result = schema.safeParse({ ...base, preferredContact: 'phone' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path)).toEqual([['phone']]);
  });
});
