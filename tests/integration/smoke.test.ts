import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

it('boots', async () => {
  const res = await app.http().get('/api/articles');
  console.log(res.status, JSON.stringify(res.body).slice(0, 500));
  expect(res.status).toBe(200);
});
