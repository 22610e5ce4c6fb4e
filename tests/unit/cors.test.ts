import { UNLISTED_ORIGIN, configuredOrigins, corsConfig, originForAnswer } from '../../src/utils/cors';

describe('CORS configuration', () => {
  it('refuses a wildcard in production, naming the variable', () => {
    expect(() => corsConfig(['*'], 'production')).toThrow('CORS_ORIGINS');
    expect(() => corsConfig([], 'production')).toThrow('CORS_ORIGINS');
  });
  it('gives no credentials with a wildcard (development)', () => {
    expect(corsConfig(['*'], 'development')).toEqual({ origin: '*', credentials: false });
  });
  it('gives credentials to listed origins only', () => {
    expect(corsConfig(['https://a.example', ' https://b.example '], 'production')).toEqual({ origin: ['https://a.example', 'https://b.example'], credentials: true });
  });
});

describe('the origin an answer depends on (the response cache key)', () => {
  const listed = ['https://a.example', 'https://b.example'];
  it('reads the origins strapi::cors is configured with from the middleware list', () => {
    expect(configuredOrigins(['strapi::logger', { name: 'strapi::cors', config: corsConfig(listed, 'production') }])).toEqual(listed);
    expect(configuredOrigins([{ name: 'strapi::cors', config: corsConfig(['*'], 'development') }])).toBe('*');
    expect(configuredOrigins(['strapi::cors'])).toBe('*'); // Strapi's default is a wildcard
    expect(configuredOrigins(undefined)).toBe('*');
  });
  it('keeps a listed origin, and folds every unlisted one into one', () => {
    expect(originForAnswer('https://a.example', listed)).toBe('https://a.example');
    expect(originForAnswer('https://evil.example', listed)).toBe(UNLISTED_ORIGIN);
    expect(originForAnswer('https://other.example', listed)).toBe(UNLISTED_ORIGIN);
    expect(originForAnswer(undefined, listed)).toBeUndefined();
  });
  it('keeps every origin with a wildcard (strapi::cors echoes it)', () => {
    expect(originForAnswer('https://any.example', '*')).toBe('https://any.example');
  });
});
