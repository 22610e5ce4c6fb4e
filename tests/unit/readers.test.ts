import { env } from '@strapi/utils';
import readersConfig from '../../config/readers';
import { maskEmail } from '../../src/api/data-request/services/data-request';
import { neutralDocumentId } from '../../src/utils/reader-identity';

describe("readers' rights helpers", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('the log keeps only the first letter and the domain of an erased address', () => {
    expect(maskEmail('sam.jones@example.com')).toBe('s***@example.com');
  });

  it('a neutral answer carries an id shaped like any documentId', () => {
    const ids = Array.from({ length: 50 }, neutralDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(50);
  });

  it('has the documented defaults, and an unknown erasure mode anonymises', () => {
    process.env.PUBLIC_URL = 'https://cms.example';
    expect(readersConfig({ env })).toMatchObject({
      reportsToHide: 3,
      dataLinkHours: 24,
      erasureMode: 'anonymise',
      unsubscribeUrl: 'https://cms.example/api/commenters/unsubscribe?token={token}',
    });
    process.env.READER_ERASURE_MODE = 'shred';
    expect(readersConfig({ env }).erasureMode).toBe('anonymise');
    process.env.READER_ERASURE_MODE = 'delete';
    expect(readersConfig({ env }).erasureMode).toBe('delete');
  });
});
