import { corsConfig } from '../../src/utils/cors';

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
