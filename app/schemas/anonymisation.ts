// The anonymisation forms (issue 16): the run needs its box ticked (so a stray click does nothing,
// with or without JavaScript); anonymising one household on request needs her request's reference.
import { z } from 'zod';
import { checkbox, requiredText } from './fields';

export const anonymiseRunSchema = z.object({
  confirm: checkbox().refine((ticked) => ticked, 'admin:anonymisation.confirmRequired'),
});

export const anonymiseOnRequestSchema = z.object({
  requestReference: requiredText(120),
  confirm: checkbox().refine((ticked) => ticked, 'admin:anonymisation.confirmRequired'),
});
