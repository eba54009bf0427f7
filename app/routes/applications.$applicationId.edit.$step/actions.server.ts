// The step form's actions: save a step (and move on), add or remove a budget row without
// JavaScript, upload and remove files, submit.
import { json, redirect } from '@remix-run/node';
import {
  APPLICATION_STEPS,
  attachmentSchema,
  beneficiaryStepSchema,
  budgetStepSchema,
  ideaStepSchema,
  planStepSchema,
  type ApplicationStep,
} from '~/schemas/application';
import {
  addAttachment,
  removeAttachment,
  saveDraftStep,
  submitApplication,
  type ApplicationContext,
  type AttachmentError,
  type DraftPatch,
} from '~/services/applications.server';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { zonedInstant } from '~/utils/application-display.server';
import { notFound } from '~/utils/application-route.server';
import {
  formFailure,
  formFile,
  parseForm,
  refuse,
  readFormData,
  readUploadForm,
  formIntent,
  formId,
} from '~/utils/forms.server';
import type { SessionUser } from '~/utils/session.server';
import { INTENT } from './intent';

export function stepUrl(
  applicationId: number,
  step: ApplicationStep,
  query?: Record<string, string>,
) {
  const search = query ? `?${new URLSearchParams(query)}` : '';
  return `/applications/${applicationId}/edit/${step}${search}`;
}

function neighbour(step: ApplicationStep, offset: 1 | -1): ApplicationStep {
  const index = APPLICATION_STEPS.indexOf(step) + offset;
  return APPLICATION_STEPS[Math.min(Math.max(index, 0), APPLICATION_STEPS.length - 1)]!;
}

/** Where a navigation button goes once the step is saved. */
function afterSave(applicationId: number, step: ApplicationStep, intent: string) {
  if (intent === INTENT.next) return redirect(stepUrl(applicationId, neighbour(step, 1)));
  if (intent === INTENT.back) return redirect(stepUrl(applicationId, neighbour(step, -1)));
  return redirect(stepUrl(applicationId, step, { saved: '1' }));
}

/** The distinct row numbers posted for the budget (items.<n>.<field>). */
function budgetRowIndexes(formData: FormData): number[] {
  const indexes = new Set<number>();
  for (const key of formData.keys()) {
    const match = /^items\.(\d+)\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

function patchFor(step: 'beneficiary' | 'idea' | 'budget' | 'plan', formData: FormData) {
  switch (step) {
    case 'beneficiary': {
      const parsed = parseForm(formData, beneficiaryStepSchema);
      return parsed.ok ? { ok: true as const, patch: { step, ...parsed.data } } : parsed;
    }
    case 'idea': {
      const parsed = parseForm(formData, ideaStepSchema);
      return parsed.ok ? { ok: true as const, patch: { step, ...parsed.data } } : parsed;
    }
    case 'budget': {
      const parsed = parseForm(formData, budgetStepSchema);
      return parsed.ok ? { ok: true as const, patch: { step, ...parsed.data } } : parsed;
    }
    case 'plan': {
      const parsed = parseForm(formData, planStepSchema);
      return parsed.ok ? { ok: true as const, patch: { step, ...parsed.data } } : parsed;
    }
  }
}

export function saveStepAction(
  request: Request,
  actor: SessionUser,
  context: ApplicationContext,
  step: 'beneficiary' | 'idea' | 'budget' | 'plan',
  formData: FormData,
) {
  const applicationId = context.application.id;
  const intent = formIntent(formData);
  let rowsAfter: number | null = null;
  if (step === 'budget' && intent.startsWith(`${INTENT.removeRow}:`)) {
    const remove = Number(intent.slice(INTENT.removeRow.length + 1));
    for (const key of [...formData.keys()]) {
      if (key.startsWith(`items.${remove}.`)) formData.delete(key);
    }
    rowsAfter = Math.max(budgetRowIndexes(formData).length, 1);
  } else if (step === 'budget' && intent === INTENT.addRow) {
    rowsAfter = budgetRowIndexes(formData).length + 1;
  } else if (![INTENT.save, INTENT.next, INTENT.back].includes(intent as 'save')) {
    throw new Response('Unknown intent', { status: 400 });
  }
  const parsed = patchFor(step, formData);
  if (!parsed.ok) {
    const failure = parsed.failure;
    if (intent === INTENT.addRow && failure.values) {
      // Keep what she typed, errors and all, and still give her the extra row she asked for.
      const items = Array.isArray(failure.values.items) ? failure.values.items : [];
      failure.values.items = [...items, { name: '', quantity: '', unitPrice: '' }];
    }
    return formFailure(failure);
  }
  const result = saveDraftStep(request, actor, applicationId, parsed.patch as DraftPatch);
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    if (result.error === 'not-draft') return redirect(`/applications/${applicationId}`);
    return refuse(formData, {
      field: 'beneficiaryMemberId',
      message: 'applications:errors.beneficiaryNotMember',
    });
  }
  if (rowsAfter !== null) {
    return redirect(
      stepUrl(applicationId, 'budget', {
        rows: String(rowsAfter),
        notice: intent === INTENT.addRow ? 'rowAdded' : 'rowRemoved',
      }),
    );
  }
  return afterSave(applicationId, step, intent);
}

const ATTACHMENT_ERRORS: Record<Exclude<AttachmentError, 'not-found' | 'not-draft'>, string> = {
  'too-large': 'applications:errors.tooLarge',
  'wrong-type': 'applications:errors.wrongType',
  'too-many': 'applications:errors.tooMany',
  empty: 'applications:errors.empty',
};

export async function documentsAction(
  request: Request,
  actor: SessionUser,
  context: ApplicationContext,
) {
  const applicationId = context.application.id;
  const isMultipart = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data');
  if (isMultipart) {
    // A file arrives as a native multipart form, read into memory with a 5 MB cap.
    const upload = await readUploadForm(request, { field: 'file', maxBytes: MAX_ATTACHMENT_BYTES });
    if (!upload.ok) return json({ formError: 'applications:errors.tooLarge' }, { status: 400 });
    const { formData } = upload;
    if (formIntent(formData) !== INTENT.upload)
      throw new Response('Unknown intent', { status: 400 });
    const kind = parseForm(formData, attachmentSchema);
    if (!kind.ok) return formFailure(kind.failure);
    const file = formFile(formData, 'file');
    if (!file) {
      return refuse(formData, { field: 'file', message: ATTACHMENT_ERRORS.empty });
    }
    const result = addAttachment(request, actor, applicationId, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      kind: kind.data.kind,
    });
    if (!result.ok) {
      if (result.error === 'not-found') throw notFound();
      if (result.error === 'not-draft') return redirect(`/applications/${applicationId}`);
      return refuse(formData, { field: 'file', message: ATTACHMENT_ERRORS[result.error] });
    }
    return redirect(stepUrl(applicationId, 'documents', { notice: 'uploaded' }));
  }
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.removeFile)
    throw new Response('Unknown intent', { status: 400 });
  const attachmentId = formId(formData, 'attachmentId');
  const result =
    attachmentId !== null
      ? removeAttachment(request, actor, applicationId, attachmentId)
      : ({ ok: false, error: 'not-found' } as const);
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    return redirect(`/applications/${applicationId}`);
  }
  return redirect(stepUrl(applicationId, 'documents', { notice: 'removed' }));
}

export function submitAction(
  request: Request,
  actor: SessionUser,
  context: ApplicationContext,
  formData: FormData,
) {
  const applicationId = context.application.id;
  if (formIntent(formData) !== INTENT.submit) throw new Response('Unknown intent', { status: 400 });
  const result = submitApplication(request, actor, applicationId);
  if (result.ok) return redirect(`/applications/${applicationId}/submitted`);
  const { refusal } = result;
  if (refusal.kind === 'not-found') throw notFound();
  const { competition } = context;
  const locale = actor.user.locale;
  return json(
    {
      refusal,
      opensAt: zonedInstant(competition.opensAt, locale, competition.timezone).text,
      closesAt: zonedInstant(competition.closesAt, locale, competition.timezone).text,
    },
    { status: 400 },
  );
}
