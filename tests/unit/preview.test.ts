import { createPreviewHandler } from '../../src/preview/config';
import { previewOrigins, previewUrl, type PreviewSettings } from '../../src/preview/url';

const settings: PreviewSettings = {
  urlTemplate: 'https://www.example.org/api/draft?secret={secret}&path={url}&type={type}&id={documentId}&status={status}',
  secret: 's3cret&=',
  pageTemplates: {
    'api::article.article': 'https://www.example.org/articles/{slug}',
    'api::group-program.group-program': 'https://www.example.org/groups/{slug}',
  },
};

describe('preview URLs', () => {
  it('open the public page for the published version', () => {
    expect(previewUrl('api::article.article', { documentId: 'abc', slug: 'coping-at-work' }, 'published', settings)).toBe('https://www.example.org/articles/coping-at-work');
  });

  it('send a draft through the website preview entry point with the secret, every value encoded', () => {
    const url = new URL(previewUrl('api::group-program.group-program', { documentId: 'doc1', slug: 'grief-group' }, 'draft', settings));
    expect(url.origin + url.pathname).toBe('https://www.example.org/api/draft');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 's3cret&=',
      path: 'https://www.example.org/groups/grief-group',
      type: 'program',
      id: 'doc1',
      status: 'draft',
    });
  });

  it('lets the admin panel frame the website origins', () => {
    expect(previewOrigins(settings)).toEqual(['https://www.example.org']);
  });
});

describe('the Content Manager handler', () => {
  const documents: Record<string, { documentId: string; slug: string | null }> = { a1: { documentId: 'a1', slug: 'sleep' }, a2: { documentId: 'a2', slug: null } };
  const handler = createPreviewHandler(settings, async (_uid, documentId) => documents[documentId] ?? null);

  it('answers a URL for articles and programs, draft unless asked for the published version', async () => {
    expect(await handler('api::article.article', { documentId: 'a1', status: 'published' })).toBe('https://www.example.org/articles/sleep');
    expect(await handler('api::article.article', { documentId: 'a1' })).toMatch(/^https:\/\/www\.example\.org\/api\/draft\?secret=s3cret%26%3D&/);
  });

  it('answers nothing for other types, missing documents or documents without a slug yet', async () => {
    expect(await handler('api::topic.topic', { documentId: 'a1' })).toBeNull();
    expect(await handler('api::comment.comment', { documentId: 'a1' })).toBeNull();
    expect(await handler('api::article.article', { documentId: 'missing' })).toBeNull();
    expect(await handler('api::article.article', { documentId: 'a2' })).toBeNull();
  });
});
