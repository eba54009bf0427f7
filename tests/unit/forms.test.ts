import { describe, expect, test } from 'vitest';
import { budgetStepSchema, planStepSchema } from '~/schemas/application';
import { householdSchema } from '~/schemas/household';
import { roundSchema } from '~/schemas/round';
import {
  FORM_LIMITS,
  formDataToObject,
  formId,
  formIntent,
  formText,
  parseForm,
  readFormData,
  readUploadForm,
} from '~/utils/forms.server';

function formOf(pairs: [string, string][]): FormData {
  const formData = new FormData();
  for (const [name, value] of pairs) formData.append(name, value);
  return formData;
}

function post(body: BodyInit, contentType?: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/login', {
    method: 'POST',
    body,
    headers: contentType ? { 'Content-Type': contentType, ...headers } : headers,
  });
}

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

function multipart(parts: { name: string; value: string; filename?: string }[]) {
  const boundary = '----ishenim-test';
  const body = parts
    .map(
      (part) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${
          part.filename !== undefined ? `; filename="${part.filename}"` : ''
        }\r\n${part.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${part.value}\r\n`,
    )
    .join('');
  return { body: `${body}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

describe('formDataToObject', () => {
  test('nests dotted names, repeats become arrays, holes close up in index order', () => {
    const object = formDataToObject(
      formOf([
        ['members.2.firstName', 'Айгүл'],
        ['members.0.firstName', 'Бермет'],
        ['localityIds', '1'],
        ['localityIds', '2'],
        ['__proto__.polluted', 'x'],
        ['a..b', 'x'],
      ]),
    );
    expect(object).toEqual({
      members: [{ firstName: 'Бермет' }, { firstName: 'Айгүл' }],
      localityIds: ['1', '2'],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('never allocates by an index it was sent', () => {
    const object = formDataToObject(formOf([['members.99999999999999.firstName', 'x']]));
    expect(object).toEqual({ members: [{ firstName: 'x' }] });
  });

  test('a name that is both a value and a list keeps the first', () => {
    expect(
      formDataToObject(
        formOf([
          ['title', 'a'],
          ['title.0', 'b'],
        ]),
      ),
    ).toEqual({ title: 'a' });
  });
});

describe('readFormData', () => {
  test('reads URL-encoded and multipart forms', async () => {
    const urlencoded = await readFormData(
      post('identifier=a%40b.kg&password=x', 'application/x-www-form-urlencoded;charset=UTF-8'),
    );
    expect(formText(urlencoded, 'identifier')).toBe('a@b.kg');
    const { body, type } = multipart([{ name: 'intent', value: 'save' }]);
    expect(formIntent(await readFormData(post(body, type)))).toBe('save');
  });

  test('a huge list index is refused with a 400 before anything is built', async () => {
    const request = post('members.99999999.firstName=x', 'application/x-www-form-urlencoded');
    expect(await statusOf(readFormData(request))).toBe(400);
  });

  test.each([
    ['JSON', post('{"identifier":"a"}', 'application/json'), 415],
    ['plain text', post('identifier=a', 'text/plain'), 415],
    ['no content type', post(new Uint8Array([1, 2, 3])), 415],
    ['multipart without a boundary', post('--x\r\n', 'multipart/form-data'), 400],
    [
      'a body over the limit',
      post(`a=${'x'.repeat(FORM_LIMITS.bodyBytes)}`, 'application/x-www-form-urlencoded'),
      413,
    ],
    [
      'a body claiming to be over the limit',
      post('a=1', 'application/x-www-form-urlencoded', {
        'Content-Length': String(FORM_LIMITS.bodyBytes + 1),
      }),
      413,
    ],
    [
      'too many fields',
      post('a=1&'.repeat(FORM_LIMITS.fields + 1), 'application/x-www-form-urlencoded'),
      413,
    ],
    [
      'a name too long',
      post(`${'a'.repeat(FORM_LIMITS.nameLength + 1)}=1`, 'application/x-www-form-urlencoded'),
      400,
    ],
    ['a name too deep', post('a.b.c.d.e.f.g=1', 'application/x-www-form-urlencoded'), 400],
  ])('%s is refused, not a 500', async (_name, request, status) => {
    expect(await statusOf(readFormData(request))).toBe(status);
  });

  test('a multipart body with no part in it is an empty form', async () => {
    const formData = await readFormData(post('\u0000garbage', 'multipart/form-data; boundary=zz'));
    expect([...formData.keys()]).toEqual([]);
  });

  test('a file where the form takes none is read to its end and dropped', async () => {
    const { body, type } = multipart([
      { name: 'file', value: 'x'.repeat(1000), filename: 'a.png' },
      { name: 'intent', value: 'save' },
    ]);
    const formData = await readFormData(post(body, type));
    expect(formData.get('file')).toBeNull();
    expect(formIntent(formData)).toBe('save');
  });

  test('an empty file in an upload form arrives as an empty file', async () => {
    const { body, type } = multipart([
      { name: 'intent', value: 'upload' },
      { name: 'file', value: '', filename: '' },
    ]);
    const upload = await readUploadForm(post(body, type), { field: 'file', maxBytes: 100 });
    expect(upload.ok).toBe(true);
    const file = upload.ok ? upload.formData.get('file') : null;
    expect(file instanceof File ? file.size : 'no file').toBe(0);
  });

  test('a file over the upload limit is "too-large" for the form to show', async () => {
    const { body, type } = multipart([{ name: 'file', value: 'x'.repeat(101), filename: 'a' }]);
    expect(await readUploadForm(post(body, type), { field: 'file', maxBytes: 100 })).toEqual({
      ok: false,
      error: 'too-large',
    });
  });
});

describe('parseForm bounds each list by what its form allows', () => {
  const household = (index: number) =>
    formOf([
      ['localityId', '1'],
      [`members.${index}.firstName`, 'Айгүл'],
    ]);

  test.each([
    ['members', householdSchema, 30],
    ['items', budgetStepSchema, 40],
    ['criteria', roundSchema, 12],
  ] as const)(
    '%s: one row past the max is a field error, further is a 400',
    (list, schema, max) => {
      const at = (index: number) => () => parseForm(formOf([[`${list}.${index}.x`, '1']]), schema);
      expect(at(max)).not.toThrow();
      let thrown: unknown;
      try {
        at(max + 1)();
      } catch (error) {
        thrown = error;
      }
      expect(thrown instanceof Response ? thrown.status : thrown).toBe(400);
    },
  );

  test('a household of 31 people reads "too many rows"', () => {
    const formData = household(0);
    for (let i = 1; i <= 30; i++) formData.append(`members.${i}.firstName`, 'Айгүл');
    const parsed = parseForm(formData, householdSchema);
    expect(parsed.ok ? null : parsed.failure.fieldErrors?.members).toBe('validation.tooMany');
  });
});

describe('parseForm: a repeated or nested field is a field error', () => {
  test.each([
    [
      'budget, a price sent twice',
      budgetStepSchema,
      [
        ['items.0.name', 'Уй'],
        ['items.0.quantity', '1'],
        ['items.0.unitPrice', '100'],
        ['items.0.unitPrice', '200'],
      ],
      'items.0.unitPrice',
    ],
    [
      'budget, a nested price',
      budgetStepSchema,
      [
        ['items.0.name', 'Уй'],
        ['items.0.unitPrice.0', '100'],
      ],
      'items.0.unitPrice',
    ],
    [
      'plan, revenue sent twice',
      planStepSchema,
      [
        ['expectedMonthlyRevenue', '1'],
        ['expectedMonthlyRevenue', '2'],
      ],
      'expectedMonthlyRevenue',
    ],
    ['plan, nested jobs', planStepSchema, [['jobsCreated.a', '1']], 'jobsCreated'],
  ] as const)('%s', (_name, schema, pairs, field) => {
    const parsed = parseForm(formOf(pairs.map(([n, v]) => [n, v])), schema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.failure.fieldErrors?.[field]).toBe('validation.invalid');
    // What the page shows again holds no list where it shows a text.
    expect(JSON.stringify(parsed.failure.values)).not.toMatch(/\[\s*"(100|1)"/);
  });
});

test('a row sent as a text comes back as an empty row, a list as a text as an empty list', () => {
  const row = parseForm(formOf([['items.0', 'x']]), budgetStepSchema);
  expect(row.ok ? null : row.failure.values).toEqual({ items: [{}] });
  const list = parseForm(formOf([['items', 'x']]), budgetStepSchema);
  expect(list.ok ? null : list.failure.values).toEqual({ items: [] });
});

describe('typed readers', () => {
  test('a missing, repeated or file field is null', () => {
    const formData = formOf([
      ['once', 'a'],
      ['twice', 'a'],
      ['twice', 'b'],
      ['id', '12'],
      ['hex', '0x10'],
      ['big', '1'.repeat(30)],
    ]);
    formData.append('file', new File(['x'], 'x.txt'));
    expect(formText(formData, 'once')).toBe('a');
    expect(formText(formData, 'twice')).toBeNull();
    expect(formText(formData, 'missing')).toBeNull();
    expect(formText(formData, 'file')).toBeNull();
    expect(formId(formData, 'id')).toBe(12);
    expect(formId(formData, 'hex')).toBeNull();
    expect(formId(formData, 'big')).toBeNull();
    expect(formIntent(formData)).toBe('');
  });
});
