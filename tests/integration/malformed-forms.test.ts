// Malformed posts to real actions, in-process: each answer is a 4xx the page can show, never a
// thrown error (which Remix would answer with a 500).
import { describe, expect, test } from 'vitest';
import { action as loginAction } from '~/routes/login/route';
import { action as signupAction } from '~/routes/signup/route';
import { createLocality } from '../support/factories';

function post(path: string, body: BodyInit, contentType: string) {
  return new Request(`http://localhost:3999${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType, 'x-ishenim-client-ip': '203.0.113.9' },
  });
}

async function answer(run: () => Promise<Response>) {
  try {
    const response = await run();
    const json = response.headers.get('Content-Type')?.includes('json');
    return {
      status: response.status,
      body: json ? ((await response.json()) as Record<string, unknown>) : null,
    };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: null };
    throw error;
  }
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const form = 'application/x-www-form-urlencoded';

describe('sign-in', () => {
  test('a huge list index is a 400 before anything is built', async () => {
    const request = post('/login', 'identifier=a%40b.kg&members.99999999.firstName=x', form);
    expect((await answer(() => loginAction(args(request)))).status).toBe(400);
  });

  test.each([
    ['application/json', '{"identifier":"a@b.kg","password":"x"}', 415],
    ['text/plain', 'identifier=a', 415],
    ['multipart/form-data', '--x\r\n', 400],
  ])('a body of %s is refused with %s', async (type, body, status) => {
    expect((await answer(() => loginAction(args(post('/login', body, type))))).status).toBe(status);
  });
});

describe('sign-up names a village that exists', () => {
  const signUp = (localityId: string) =>
    answer(() =>
      signupAction(
        args(
          post(
            '/signup',
            new URLSearchParams({
              name: 'Айгүл',
              contact: `aigul-${Math.random().toString(36).slice(2)}@test.example`,
              localityId,
              password: 'correct horse battery',
              passwordConfirm: 'correct horse battery',
            }),
            form,
          ),
        ),
      ),
    );

  test.each(['0x10', '99999999', '1e3', '-1', '16.0'])(
    'localityId=%s is a field error',
    async (id) => {
      const result = await signUp(id);
      expect(result.status).toBe(400);
      expect(result.body?.fieldErrors).toEqual({ localityId: 'validation.invalid' });
    },
  );

  test('a real village is taken', async () => {
    const locality = createLocality();
    expect((await signUp(String(locality.id))).status).toBe(302);
  });
});
